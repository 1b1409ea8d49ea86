import ArgumentParser
import DistillInput
import DistillReport
import DistillScan
import DistillSupport
import Foundation

/// The `distillscan` command: a list of verbs over the DistillScan library.
@main
struct DistillScanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "distillscan",
        abstract: "Find coordinated distillation campaigns in LLM API request logs.",
        discussion: """
            Start with `distillscan inspect DUMP/` to see what a dump holds, then
            `distillscan analyze DUMP/ --accounts accounts.jsonl` for the findings.
            Exit codes: 0 ok, 1 findings at --fail-on, 2 usage or config error,
            3 input could not be fully read (the report is still written).
            """,
        version: ToolInfo.version + " (commit " + BuildInfo.commit + ")",
        subcommands: [
            Analyze.self, Profile.self, Merge.self, Inspect.self, Templates.self, Synth.self, Eval.self, Rules.self, Diff.self, Show.self,
            Account.self, Extract.self, ConfigCommand.self,
        ],
        defaultSubcommand: nil
    )

    /// Usage and configuration errors exit with 2 (ArgumentParser's default is 64). Every
    /// error is one line on stderr — what is wrong and what to do — without the usage text
    /// (`--help` has it); a command-line mistake adds where to look.
    static func main() {
        var command: ParsableCommand
        do {
            command = try parseAsRoot()
        } catch {
            let code = exitCode(for: error)
            if code == .success { exit(withError: error) }
            let sub = CommandLine.arguments.dropFirst().first { !$0.hasPrefix("-") }
            let help = configuration.subcommands.contains { $0._commandName == sub } ? "distillscan \(sub!) --help" : "distillscan --help"
            StandardStreams.error("Error: " + SafeText.terminal(oneLine(message(for: error))) + " (see \(help))\n")
            Foundation.exit(2)
        }
        do {
            try command.run()
        } catch let code as ExitCode {
            Foundation.exit(code.rawValue)
        } catch let e as any StatusError {
            // Every typed error knows its exit status (DistillSupport.ExitStatus).
            Output.message(e.description)
            Foundation.exit(e.exitStatus.rawValue)
        } catch {
            let code = exitCode(for: error)
            if code == .success { exit(withError: error) }
            StandardStreams.error("Error: " + SafeText.terminal(oneLine(message(for: error))) + "\n")
            Foundation.exit(2)
        }
    }

    /// A parser message on one line: its list items (`  - json`) joined by commas.
    static func oneLine(_ s: String) -> String {
        let lines = s.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        var out = ""
        for l in lines {
            if l.hasPrefix("- ") { out += (out.hasSuffix(":") ? " " : ", ") + l.dropFirst(2) } else { out += (out.isEmpty ? "" : " ") + l }
        }
        return out
    }
}
