import DistillDecode
import DistillInput
import DistillLink
import DistillProfile
import DistillScore
import DistillSupport
import Foundation

/// `distillscan analyze`: input → decode → profile → link → score → report.
package enum Analysis {
    /// `inspect` sees the link stage's result and the campaigns before they are released
    /// (`distillscan account` reads one account's profile and edges there).
    package static func run(
        _ config: AnalysisConfiguration, progress: (@Sendable (_ bytes: Int, _ records: Int) -> Void)? = nil,
        inspect: ((Linker.Result, [Campaign]) -> Void)? = nil
    ) -> AnalysisReport {
        var clock = PhaseClock(enabled: config.printTimings)
        let matcher = IntentMatcher(pack: config.rules)
        let params = config.profile
        // The accounts file is small: it loads on a pool thread while the logs stream.
        let (scan, accounts) = bothInParallel(
            threads: config.input.threads,
            {
                profile(config, parameters: params, matcher: matcher, progress: progress)
            },
            {
                config.accountsFile.map { AccountsFile.load($0, options: config.input.decode) } ?? AccountsFile.Loaded()
            })
        clock.lap("read+decode+profile+sha256+merge, accounts file")
        var summary = InputSummary(scan.files)
        if let path = config.accountsFile { summary.noteAccountsFile(path, accounts) }
        return report(config, summary: summary, profiles: scan.profiles, accounts: accounts, clock: clock, inspect: inspect)
    }

    /// Reads, decodes and profiles every input. Several workers share one set of profiles
    /// (`SharedProfileState`): each account is profiled once, not once per worker.
    static func profile(
        _ config: AnalysisConfiguration, parameters: ProfileParameters, matcher: IntentMatcher,
        progress: (@Sendable (_ bytes: Int, _ records: Int) -> Void)?
    ) -> (files: [FileScan], profiles: ProfileState) {
        func scan<Sink: RecordSink>(_ makeSink: @escaping @Sendable () -> Sink) -> ScanResult<Sink> {
            ParallelScan.run(
                config.input.sources, threads: config.input.threads, options: config.input.decode,
                hashInputs: config.hashInputs, progress: progress, makeSink: makeSink)
        }
        guard config.input.threads > 1 else {
            var one = scan { ProfileState(parameters: parameters, matcher: matcher) }
            one.sink.closeOpenEntries()
            return (one.files, one.sink)
        }
        let shared = SharedProfileState(parameters: parameters, matcher: matcher)
        return (scan { SharedProfileSink(shared) }.files, shared.joined(threads: config.input.threads))
    }

    /// The stages after profiling: link, score, report (shared by the analysis of logs
    /// and of state files). `accountsSHA256` is the accounts file's recorded SHA-256
    /// when it is not read again here.
    static func report(
        _ config: AnalysisConfiguration, summary: InputSummary, profiles state: ProfileState,
        accounts: AccountsFile.Loaded, accountsSHA256: String? = nil, clock: PhaseClock,
        inspect: ((Linker.Result, [Campaign]) -> Void)?
    ) -> AnalysisReport {
        var clock = clock
        let link = Linker(params: config.link, profile: config.profile, threads: config.input.threads).run(accounts: state.accountsByID, infos: accounts.accounts)
        clock.lap("link")
        let campaigns = CampaignScorer(params: config.score, profile: config.profile).score(link, threads: config.input.threads)
        clock.lap("score")
        var report = AnalysisReport(
            input: summary, campaigns: campaigns, accounts: link.accounts.count,
            candidates: link.accounts.filter(\.isCandidate).count, families: link.families.families.count,
            familyStatistics: link.familyStatistics,
            manifest: RunManifest(config: config, accountsFile: accounts, accountsSHA256: accountsSHA256))
        (report.members, report.edges) = CaseMaterialBuilder.build(campaigns, link, edges: config.keepCaseEdges, threads: config.input.threads)
        inspect?(link, campaigns)
        if config.leavesStateForExit { leaveForExit((state, link, accounts)) } else { releaseInBackground((state, link, accounts)) }
        return report
    }
}
