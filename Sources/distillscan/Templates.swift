import ArgumentParser
import DistillProfile
import DistillScan
import DistillSupport
import DistillTemplates
import Foundation

struct Templates: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Mine templates with <*> slots from plain text lines or from the prompts of a log dump.",
        discussion: """
            Plain text: one message per line; with --format json, "lines"[i] is the template id
            of input line i. Log dumps (JSONL, any supported format): the user prompts are mined.
            Examples:
              distillscan templates messages.txt
              distillscan templates --input logs dump/ --format json | jq '.templates[:5]'
            """)
    @Argument(help: "Files (or - for stdin).") var paths: [String] = []
    @Option(help: "plain, logs, or auto (logs when the first line starts with '{').") var input: String = "auto"
    @Option(help: "Output format.") var format: TextFormat = .markdown
    @Option(help: "Share of agreeing positions needed to join a template.") var similarity: Double = 0.85
    @Option(help: "How many templates the Markdown output lists.") var top: Int = 50
    @OptionGroup var out: OutputOptions

    func run() throws {
        guard ["plain", "logs", "auto"].contains(input) else { throw ValidationError("--input must be plain, logs or auto") }
        guard similarity > 0 && similarity <= 1 else { throw ValidationError("--similarity must be in (0, 1]") }
        guard !paths.isEmpty else { throw ValidationError("give at least one file, or - for stdin") }
        try Output.preflight(out.output)
        var config = TemplateMiner.Configuration()
        config.similarity = similarity
        let result: TemplateMining.Result
        do { result = try TemplateMining.run(paths: paths, mode: input, configuration: config) } catch let e as any StatusError {
            throw e  // an input that cannot be read: exit 3
        } catch {
            throw ValidationError("\(error)")
        }
        try Output.write(format == .json ? result.json() : result.markdown(top: top), to: out.output)
    }
}
