import DistillDecode
import DistillInput
import DistillLink
import DistillProfile
import DistillScore
import Foundation

extension Analysis {
    /// The report of a (merged) state: the stages after profiling, with the state's
    /// parameters, rule pack and accounts file. `config` gives the link and score
    /// parameters, threads and command line; its inputs are not read.
    package static func run(state: StateFile, config: AnalysisConfiguration, inspect: ((Linker.Result, [Campaign]) -> Void)? = nil) throws(StateFileError) -> AnalysisReport {
        let clock = PhaseClock(enabled: config.printTimings)
        var config = config
        let pack: RulePack
        do { pack = try StateFile.rulePack(state.parameters.rulePackJSON) } catch { throw .malformed(path: "the merged state", detail: error.description) }
        config.rules = pack
        config.profile = state.parameters.profile
        state.parameters.apply(to: &config.input.decode)
        config.accountsFile = state.accounts?.path
        var summary = InputSummary(state.inputs.map(\.file))
        var accounts = AccountsFile.Loaded()
        if let a = state.accounts {
            accounts = a.loaded
            if let e = a.error { summary.noteAccountsFileError(a.path, e) }
        }
        return report(
            config, summary: summary, profiles: state.profiles, accounts: accounts,
            accountsSHA256: state.accounts?.sha256, clock: clock, inspect: inspect)
    }
}

extension StateFile {
    /// The report's `input` section for this state (without a failed accounts file).
    package var summary: InputSummary { InputSummary(inputs.map(\.file)) }

    /// Whether `path` is a regular file that begins with the state header.
    package static func isStateFile(_ path: String) -> Bool {
        WholeFile.head(path, count: magic.count).map(hasMagic) ?? false
    }
}

extension InputSummary {
    /// The summary of per-file entries (in input order), as `init(_ scans:)` builds it.
    init(_ files: [File]) {
        var s = InputSummary()
        for f in files {
            s.files.append(f)
            s.tally.merge(f.tally)
            s.bytes += f.bytes
            if let t = f.firstTimestamp { s.firstTimestamp = min(s.firstTimestamp ?? t, t) }
            if let t = f.lastTimestamp { s.lastTimestamp = max(s.lastTimestamp ?? t, t) }
        }
        self = s
    }

    /// `noteAccountsFile` for an accounts file whose error was recorded in a state.
    mutating func noteAccountsFileError(_ path: String, _ error: String) {
        var f = File(
            path: path, compression: .none, sizeBytes: 0, bytes: 0, tally: LineTally(), formats: [:],
            firstTimestamp: nil, lastTimestamp: nil, error: "accounts file: " + error, sha256: nil)
        f.lostData = true
        files.append(f)
    }
}
