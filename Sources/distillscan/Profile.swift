import ArgumentParser
import DistillInput
import DistillScan
import Foundation

/// `distillscan profile`: the scan and profile stages alone, written as a state file that
/// `merge` and `analyze` read (for sharded and incremental runs; docs/scale-out.md).
struct Profile: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Scan logs into a state file (profiles, line accounting, input manifest) for merge and analyze.",
        discussion: """
            Examples:
              distillscan profile logs/2026-06-01/ -o states/2026-06-01.state
              distillscan profile dump/ --shard 3/8 -o states/part-3.state     # shard 3 of 8 (whole files)
              distillscan merge states/*.state -o all.state
              distillscan analyze all.state --format json -o report.json
            The report from shards + merge + analyze is byte-identical to `analyze` over the same
            inputs apart from the manifest's command line. Exit codes: 0 ok, 2 usage or config
            error, 3 input not fully read (the state is still written and says so).
            """)

    @OptionGroup var input: InputOptions
    @OptionGroup var parameters: ParameterOptions
    @Option(name: [.short, .long], help: "Write the state file here (atomically: a temporary file, then a rename).") var output: String
    @Option(help: "Accounts file (JSONL, may be gzip), kept in the state.") var accounts: String?
    @Option(help: "Extra intent rule pack (JSON) added to the built-in one.") var rules: String?
    @Option(help: "K/N: read only shard K (1-based) of N of the resolved inputs (whole files, balanced by size).") var shard: String?
    @Flag(help: "No messages on stderr except errors.") var quiet = false
    @Flag(help: "No progress line.") var noProgress = false

    func run() throws {
        var selection: ShardSelection?
        if let s = shard {
            guard let parsed = ShardSelection(s) else { throw ValidationError("--shard \(s): expected K/N with 1 <= K <= N (shard 3 of 8 is 3/8)") }
            selection = parsed
        }
        if let state = StateOperands.paths(in: input.paths).first {
            throw ValidationError("\(state) is a state file, not a log; merge states with `distillscan merge` or analyze them with `distillscan analyze`")
        }
        var config = AnalysisConfiguration(input: try input.configuration(), accountsFile: accounts)
        config.rules = try RulesOption.pack(rules)
        try parameters.apply(to: &config, input: input)
        if let a = accounts, let problem = AccountsFile.problem(a) { throw ValidationError(problem) }
        if let s = selection { config.input.sources = s.pick(config.input.sources) }
        let progress = (quiet || noProgress) ? nil : Progress.start(totalBytes: config.input.sources.compactMap(\.fileSize).reduce(0, +))
        var callback: (@Sendable (Int, Int) -> Void)? = nil
        if let p = progress { callback = { bytes, records in p.add(bytes: bytes, records: records) } }
        let state = Profiling.run(config, progress: callback)
        let bytes = state.serialized()
        try OutputFile.write(bytes, to: output)
        progress?.finish(records: state.summary.tally.records, output: output)
        let summary = state.summary
        Output.warnAboutInput(summary, quiet: quiet)
        if !quiet {
            Output.message("\(state.inputs.count) input(s), \(summary.tally.records) record(s), \(state.profiles.accountCount) account(s): \(bytes.count) bytes written to \(output)")
        }
        if !summary.complete { throw ExitCode(3) }
    }
}
