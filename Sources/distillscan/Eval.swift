import ArgumentParser
import DistillSynth

struct Eval: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Score a JSON report against a synthetic corpus's truth.json.",
        discussion: """
            Examples:
              distillscan analyze c/logs --accounts c/accounts.jsonl --format json -o r.json
              distillscan eval r.json c/truth.json
              distillscan eval r.json c/truth.json --format json | jq .account.f1
            """)
    @Argument(help: "Report written by `analyze --format json`.") var report: String
    @Argument(help: "truth.json written by `synth`.") var truth: String
    @Option(help: "Output format.") var format: TextFormat = .markdown
    @OptionGroup var out: OutputOptions

    func run() throws {
        let e: Evaluation
        e = try Evaluation.load(report: report, truth: truth)  // its errors carry their exit status
        try Output.write(format == .json ? e.json() : e.markdown(), to: out.output)
    }
}
