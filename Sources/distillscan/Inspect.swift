import ArgumentParser
import DistillScan

struct Inspect: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Summarise a dump: files, compression, formats, lines, rejections, accounts, models.",
        discussion: """
            Examples:
              distillscan inspect dump/
              distillscan inspect 'logs/*.jsonl.gz' --format json | jq .input.malformed
              zcat big.jsonl.gz | distillscan inspect -
            """)

    @OptionGroup var input: InputOptions
    @OptionGroup var out: OutputOptions
    @Option(help: "Output format.") var format: TextFormat = .markdown
    @Flag(help: "No messages on stderr except errors (unreadable files are still named).") var quiet = false

    func run() throws {
        let config = try input.configuration()
        try Output.preflight(out.output)
        if !quiet { Duplicates.report(input.paths) }
        let report = Inspection.run(config)
        let text = format == .json ? report.json().render() + "\n" : report.markdown()
        try Output.write(text, to: out.output)
        Output.warnAboutInput(report.input, quiet: quiet)
        if !report.input.complete { throw ExitCode(3) }
    }
}
