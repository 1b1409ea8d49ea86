import DistillDecode
import DistillInput
import DistillProfile
import DistillSupport

/// `distillscan profile`: reads the inputs of `config` (and its accounts file) into a
/// state: the analysis up to and including the profile stage.
package enum Profiling {
    package static func run(_ config: AnalysisConfiguration, progress: (@Sendable (_ bytes: Int, _ records: Int) -> Void)? = nil) -> StateFile {
        let matcher = IntentMatcher(pack: config.rules)
        let params = config.profile
        // As in `Analysis.run`: the accounts file loads on a pool thread while the logs stream.
        let (scan, accounts) = bothInParallel(
            threads: config.input.threads,
            {
                ParallelScan.run(
                    config.input.sources, threads: config.input.threads, options: config.input.decode,
                    hashInputs: true, progress: progress
                ) {
                    ProfileState(parameters: params, matcher: matcher)
                }
            },
            {
                config.accountsFile.map { AccountsFile.load($0, options: config.input.decode) }
            })
        var hashed = config
        hashed.hashInputs = true
        return StateFile(scan: scan, config: hashed, accounts: accounts)
    }

    /// A state of no inputs that carries an accounts file (`analyze STATE... --accounts FILE`).
    package static func accountsOnly(_ path: String, like other: StateFile) throws(StateFileError) -> StateFile {
        var options = DecodeOptions()
        other.parameters.apply(to: &options)
        let loaded = AccountsFile.load(path, options: options)
        let pack: RulePack
        do { pack = try StateFile.rulePack(other.parameters.rulePackJSON) } catch { throw .malformed(path: path, detail: error.description) }
        return StateFile(
            parameters: other.parameters, accounts: StateAccounts(path: path, loaded: loaded, sha256: SHA256.file(path)), inputs: [],
            profiles: ProfileState(parameters: other.parameters.profile, matcher: IntentMatcher(pack: pack)))
    }
}
