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
    @Option(help: "markdown or json.") var format: String = "markdown"

    func run() throws {
        guard format == "markdown" || format == "json" else { throw ValidationError("--format must be markdown or json") }
        let config = try input.configuration()
        let report = Inspection.run(config)
        let text = format == "json" ? report.json().render() + "\n" : report.markdown()
        try Output.write(text, to: out.output)
        Output.warnAboutInput(report.input)
        if !report.input.complete { throw ExitCode(3) }
    }
}
