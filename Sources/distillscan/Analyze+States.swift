import ArgumentParser
import DistillInput
import DistillLink
import DistillReport
import DistillScan
import DistillScore

/// `analyze` with state files among its operands: the states, the logs given beside them
/// (profiled here) and the accounts file are merged, then analysed.
extension Analyze {
    /// The logs among the operands; with none, the options that only profiling uses are refused.
    func logConfiguration(besides states: [String]) throws -> InputConfiguration {
        let logs = input.paths.filter { !states.contains($0) }
        guard logs.isEmpty else {
            var options = input
            options.paths = logs
            return try options.configuration()
        }
        let fixed: [(String, String?)] = [
            ("--rules", rules), ("--input-format", input.inputFormat?.rawValue), ("--schema", input.schema), ("--since", input.since),
            ("--until", input.until), ("--max-line-bytes", input.maxLineBytes.map(String.init)), ("--max-depth", input.maxDepth.map(String.init)),
        ]
        if let (name, _) = fixed.first(where: { $0.1 != nil }) {
            throw ValidationError("\(name) is fixed when a state is made: give it to `distillscan profile`, not to `analyze STATE...`")
        }
        return InputConfiguration(sources: [], threads: try StateOperands.threads(input.threads))
    }

    func analyze(
        states: [String], _ config: AnalysisConfiguration, progress: (@Sendable (Int, Int) -> Void)?,
        inspect: ((Linker.Result, [Campaign]) -> Void)?
    ) throws -> AnalysisReport {
        try StateOperands.check {
            var extra: [NamedState] = []
            if !config.input.sources.isEmpty {
                extra.append(NamedState(name: "the logs given", state: Profiling.run(config, progress: progress)))
            }
            var merged = try StateOperands.loadAndMerge(states, threads: config.input.threads, quiet: quiet, with: extra)
            if extra.isEmpty, let path = config.accountsFile {
                var notes: [String] = []
                let accountsState = try Profiling.accountsOnly(path, like: merged.state)
                merged = try StateMerge.merge(merged, NamedState(name: "--accounts " + path, state: accountsState), threads: config.input.threads, notes: &notes)
            }
            // The profile and decode parameters are the states'; a --config that sets them
            // otherwise would be silently overruled.
            if parameters.config != nil {
                var made = config
                made.profile = merged.state.parameters.profile
                merged.state.parameters.apply(to: &made.input.decode)
                if let differ = config.parameters.changes(against: made.parameters) {
                    throw ValidationError("--config sets \(differ), fixed when the states were made: give the configuration to `distillscan profile`")
                }
            }
            return try Analysis.run(state: merged.state, config: config, inspect: inspect)
        }
    }
}
