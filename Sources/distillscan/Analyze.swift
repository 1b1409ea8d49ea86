import ArgumentParser
import DistillCase
import DistillLink
import DistillProfile
import DistillReport
import DistillScan
import DistillScore
import Foundation

struct Analyze: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Find coordinated distillation campaigns and report them.",
        discussion: """
        Examples:
          distillscan analyze dump/ --accounts accounts.jsonl
          distillscan analyze 'logs/*.jsonl.gz' --format json -o report.json
          distillscan analyze dump/ --fail-on high --quiet        # in CI: exit 1 on a high finding
          distillscan analyze dump/ --format json | jq '.campaigns[] | {id, severity, accounts: .account_count}'
          distillscan analyze dump/ --format dot | dot -Tsvg > graph.svg
        Exit codes: 0 ok, 1 a finding reached --fail-on, 2 usage or config error,
        3 input not fully read (the report is still written and says so).
        """)

    @OptionGroup var input: InputOptions
    @OptionGroup var out: OutputOptions
    @OptionGroup var parameters: ParameterOptions
    @Option(help: "markdown, json, ndjson, dot or csv (one row per campaign member).") var format: String = "markdown"
    @Option(help: "Accounts file (JSONL, may be gzip): account_id, created_at, email, payment_fingerprint, …") var accounts: String?
    @Option(help: "Extra intent rule pack (JSON) added to the built-in one.") var rules: String?
    @Option(help: "Report only campaigns at or above: low, medium, high, critical.") var minSeverity: String = "low"
    @Option(help: "Exit with 1 when a campaign reaches this severity.") var failOn: String?
    @Flag(help: "Hash payment and email domains, truncate IPs to /24 or /48, drop sample prompts (templates only).") var redact = false
    @Option(help: "A prior report (--format json) or case database (its latest run): carry its campaign ids over and mark each campaign new, grown, shrunk, changed or unchanged, and list those gone.") var baseline: String?
    @Option(help: "Append this run to a SQLite case database (created if missing).") var db: String?
    @Flag(help: "No messages on stderr except errors.") var quiet = false
    @Flag(help: "No progress line.") var noProgress = false
    @Flag(help: "Print how long each phase took on stderr.") var timings = false
    @Option(help: ArgumentHelp("Write every kept evidence edge (account, account, weight per kind) as TSV to this file, to see why accounts were linked.", valueName: "file"),
            completion: .file()) var dumpEdges: String?

    /// The command in canonical form for the run manifest: the options that determine the
    /// result in a fixed order and the operands sorted; thread count, progress, quiet and
    /// the output path are left out, so the same analysis gives the same bytes.
    func canonicalCommand() -> [String] {
        var c = ["distillscan", "analyze", "--format", format]
        let options: [(String, String?)] = [
            ("--accounts", accounts), ("--rules", rules), ("--input-format", input.inputFormat), ("--schema", input.schema),
            ("--since", input.since), ("--until", input.until), ("--min-severity", minSeverity == "low" ? nil : minSeverity),
            ("--fail-on", failOn), ("--baseline", baseline), ("--max-line-bytes", input.maxLineBytes.map(String.init)), ("--max-depth", input.maxDepth.map(String.init)),
        ]
        for (name, value) in options { if let v = value { c += [name, v] } }
        if redact { c.append("--redact") }
        return c + input.paths.sorted()
    }

    func run() throws {
        let style = ReportFormat(rawValue: format)
        guard style != nil || format == "csv" else { throw ValidationError("--format must be markdown, json, ndjson, dot or csv") }
        guard let minSev = Severity(rawValue: minSeverity) else { throw ValidationError("--min-severity must be low, medium, high or critical") }
        var failSev: Severity?
        if let f = failOn {
            guard let s = Severity(rawValue: f) else { throw ValidationError("--fail-on must be low, medium, high or critical") }
            failSev = s
        }
        // State files from `distillscan profile` among the operands (recognised by their header).
        let states = StateOperands.paths(in: input.paths)
        var config = AnalysisConfiguration(input: try states.isEmpty ? input.configuration() : logConfiguration(besides: states), accountsFile: accounts)
        config.rules = try RulesOption.pack(rules)
        try parameters.apply(to: &config, input: input)
        if let a = accounts, let problem = AccountsFile.problem(a) { throw ValidationError(problem) }
        let prior = try baseline.map { b in try CaseCommand.check { try ReportFile.load(b) } }
        let caseDB = try db.map { try CaseDatabase(path: $0) }   // fails early on a bad database or path
        config.keepCaseEdges = db != nil
        config.printTimings = timings
        config.commandLine = canonicalCommand()
        let progress = (quiet || noProgress) ? nil : Progress.start(totalBytes: config.input.sources.compactMap(\.fileSize).reduce(0, +))
        var callback: (@Sendable (Int, Int) -> Void)? = nil
        if let p = progress { callback = { bytes, records in p.add(bytes: bytes, records: records) } }
        var edges: String?
        let keepEdges: ((Linker.Result, [Campaign]) -> Void)? = dumpEdges == nil ? nil : { link, _ in edges = EdgeDump.tsv(link) }
        var report = try states.isEmpty ? Analysis.run(config, progress: callback, inspect: keepEdges)
            : analyze(states: states, config, progress: callback, inspect: keepEdges)
        if let path = dumpEdges, let tsv = edges { try Output.write(tsv, to: path) }
        progress?.finish()
        // --fail-on is decided on every finding, before --min-severity hides some from the report.
        let failed = failSev.map { f in report.campaigns.contains { $0.severity >= f } } ?? false
        report = report.filtered(minSeverity: minSev)
        var comparison: Comparison?
        if let p = prior { (report, comparison) = Baseline.apply(p, to: report) }
        if redact { report = Redaction.applyToMembers(Redaction.apply(report)) }
        try Output.write(style.map { ReportWriter.render(report, format: $0) } ?? report.csv(), to: out.output)
        if let path = db {
            let run = try (caseDB ?? CaseDatabase(path: path)).append(report, json: ReportWriter.render(report, format: .json), comparison: comparison)
            if !quiet { Output.message("run \(run) appended to \(path)") }
        }
        Output.warnAboutInput(report.input, quiet: quiet)
        if !quiet {
            Output.message("\(report.campaigns.count) campaign(s): " + Severity.allCases.reversed().map { "\(report.count($0)) \($0.rawValue)" }.joined(separator: ", "))
        }
        if failed { throw ExitCode(1) }
        if !report.input.complete { throw ExitCode(3) }
    }
}
