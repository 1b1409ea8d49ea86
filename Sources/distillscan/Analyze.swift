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
              distillscan analyze dump/ --format html --redact -o case/report.html
              distillscan analyze dump/ --fail-on high --quiet        # in CI: exit 1 on a high finding
              distillscan analyze dump/ --format json | jq '.campaigns[] | {id, severity, accounts: .account_count}'
              distillscan analyze dump/ --format dot --campaign C-0b67d7193c | dot -Tsvg > campaign.svg
            Exit codes: 0 ok, 1 a finding reached --fail-on, 2 usage or config error,
            3 input not fully read or more than half of the lines rejected (the report is
            still written and says so). A --fail-on finding on incomplete input exits 1 and
            the message says both.
            """)

    @OptionGroup var input: InputOptions
    @OptionGroup var out: OutputOptions
    @OptionGroup var parameters: ParameterOptions
    @Option(help: "Report format (csv: one row per campaign member; html: one self-contained page).") var format: AnalyzeFormat = .markdown
    @Option(help: "With --format dot: one campaign's members and the infrastructure they share.") var campaign: String?
    @Option(help: "Accounts file (JSONL, may be gzip): account_id, created_at, email, payment_fingerprint, …", completion: .file()) var accounts: String?
    @Option(help: "Extra intent rule pack (JSON) added to the built-in one.", completion: .file(extensions: ["json"])) var rules: String?
    @Option(help: "Report only campaigns at or above this severity.") var minSeverity: Severity = .low
    @Option(help: "Exit with 1 when a campaign reaches this severity.") var failOn: Severity?
    @Flag(help: "Keyed hashes (HMAC-SHA256) for cards, email domains and non-address IP values; IPs cut to /24 or /48; sample prompts and system prompts dropped (docs/usage.md).") var redact = false
    @Option(help: ArgumentHelp("With --redact: the HMAC key (the file's bytes); without it a random key that is never written.", valueName: "file"), completion: .file()) var redactKey: String?
    @Flag(help: "With --redact: account ids become acct-0001, acct-0002, … in report order.") var pseudonymousAccounts = false
    @Option(
        help: "A prior report (--format json) or case database (its latest run): carry its campaign ids over and mark each campaign new, grown, shrunk, changed or unchanged, and list those gone.",
        completion: .file()) var baseline: String?
    @Option(help: "Append this run to a SQLite case database (created if missing).", completion: .file()) var db: String?
    @Flag(help: "No messages on stderr except errors.") var quiet = false
    @Flag(help: "No progress line.") var noProgress = false
    @Flag(help: "Print how long each phase took on stderr.") var timings = false
    @Option(
        help: ArgumentHelp("Write every kept evidence edge (account, account, weight per kind) as TSV to this file, to see why accounts were linked.", valueName: "file"),
        completion: .file()) var dumpEdges: String?

    /// The command in canonical form for the run manifest: the options that determine the
    /// result in a fixed order and the operands sorted; thread count, progress, quiet, the
    /// output path and the redaction key file are left out, so the same analysis gives the
    /// same bytes.
    func canonicalCommand() -> [String] {
        var c = ["distillscan", "analyze", "--format", format.rawValue]
        let options: [(String, String?)] = [
            ("--campaign", campaign), ("--accounts", accounts), ("--rules", rules), ("--input-format", input.inputFormat?.rawValue), ("--schema", input.schema),
            ("--since", input.since), ("--until", input.until), ("--min-severity", minSeverity == .low ? nil : minSeverity.rawValue),
            ("--fail-on", failOn?.rawValue), ("--baseline", baseline), ("--max-line-bytes", input.maxLineBytes.map(String.init)), ("--max-depth", input.maxDepth.map(String.init)),
        ]
        for (name, value) in options { if let v = value { c += [name, v] } }
        if redact { c.append("--redact") }
        if pseudonymousAccounts { c.append("--pseudonymous-accounts") }
        return c + input.paths.sorted()
    }

    func validate() throws {
        if campaign != nil && format != .dot { throw ValidationError("--campaign goes with --format dot") }
        if (redactKey != nil || pseudonymousAccounts) && !redact { throw ValidationError("--redact-key and --pseudonymous-accounts go with --redact") }
        if pseudonymousAccounts && baseline != nil { throw ValidationError("--pseudonymous-accounts cannot be combined with --baseline (the comparison names the real account ids)") }
    }

    func run() throws {
        // State files from `distillscan profile` among the operands (recognised by their header).
        let states = StateOperands.paths(in: input.paths)
        var config = AnalysisConfiguration(input: try states.isEmpty ? input.configuration() : logConfiguration(besides: states), accountsFile: accounts)
        config.rules = try RulesOption.pack(rules)
        try parameters.apply(to: &config, input: input)
        if let a = accounts, let problem = AccountsFile.problem(a) { throw ValidationError(problem) }
        let redaction = try redact ? RedactionKey.redaction(keyFile: redactKey, pseudonymousAccounts: pseudonymousAccounts) : nil
        let prior = try baseline.map { b in try CaseCommand.check { try ReportFile.load(b) } }
        let caseDB = try db.map { try CaseDatabase(path: $0) }  // fails early on a bad database or path
        try Output.preflight(out.output)
        if !quiet { Duplicates.report(input.paths) }
        config.keepCaseEdges = db != nil
        config.printTimings = timings
        config.leavesStateForExit = true  // the command exits once the report is written
        config.commandLine = canonicalCommand()
        let progress = (quiet || noProgress) ? nil : Progress.start(totalBytes: config.input.sources.compactMap(\.fileSize).reduce(0, +))
        var callback: (@Sendable (Int, Int) -> Void)? = nil
        if let p = progress { callback = { bytes, records in p.add(bytes: bytes, records: records) } }
        var edges: String?
        let keepEdges: ((Linker.Result, [Campaign]) -> Void)? = dumpEdges == nil ? nil : { link, _ in edges = EdgeDump.tsv(link) }
        var report =
            try states.isEmpty
            ? Analysis.run(config, progress: callback, inspect: keepEdges)
            : analyze(states: states, config, progress: callback, inspect: keepEdges)
        if let path = dumpEdges, let tsv = edges { try Output.write(tsv, to: path) }
        // --fail-on is decided on every finding, before --min-severity hides some from the report.
        let failed = failOn.map { f in report.campaigns.contains { $0.severity >= f } } ?? false
        report = report.filtered(minSeverity: minSeverity)
        var comparison: Comparison?
        if let p = prior { (report, comparison) = Baseline.apply(p, to: report) }
        if let r = redaction { report = r.apply(report) }
        let text: String
        switch format {
        case .csv: text = report.csv()
        case .dot:
            if let id = campaign {
                guard let g = report.dot(campaign: id) else {
                    progress?.finish(records: nil, output: nil)
                    throw ValidationError(
                        "--campaign \(id): no such campaign in this report (\(report.campaigns.prefix(5).map(\.id).joined(separator: ", "))\(report.campaigns.count > 5 ? ", …" : ""))")
                }
                text = g
            } else {
                text = report.dot()
            }
        case .markdown: text = report.markdown()
        case .json: text = ReportWriter.render(report, format: .json)
        case .ndjson: text = report.ndjson()
        case .html: text = report.html()
        }
        try Output.write(text, to: out.output)
        progress?.finish(records: report.input.tally.records, output: out.output)
        if let path = db {
            let run = try (caseDB ?? CaseDatabase(path: path)).append(report, json: ReportWriter.render(report, format: .json), comparison: comparison)
            if !quiet { Output.message("run \(run) appended to \(path)") }
        }
        Output.warnAboutInput(report.input, quiet: quiet)
        let unhealthy = InputHealth.problem(report.input, inputFormat: input.inputFormat?.rawValue, schema: input.schema)
        if let u = unhealthy { Output.message(u) }  // even with --quiet: the exit code alone would not say why
        if !quiet {
            Output.message("\(report.campaigns.count) campaign(s): " + Severity.allCases.reversed().map { "\(report.count($0)) \($0.rawValue)" }.joined(separator: ", "))
        }
        let incomplete = !report.input.complete || unhealthy != nil
        if failed {
            if incomplete { Output.message("exit 1: a campaign reached --fail-on \(failOn!.rawValue), and the input was not fully usable (exit 3 otherwise): fix the input and run again") }
            throw ExitCode(1)
        }
        if incomplete { throw ExitCode(3) }
    }
}
