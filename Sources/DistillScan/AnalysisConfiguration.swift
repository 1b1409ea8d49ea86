import DistillDecode
import DistillLink
import DistillProfile
import DistillScore

/// Everything `analyze` needs, validated: inputs, enrichment, rules and every parameter.
package struct AnalysisConfiguration: Sendable {
    package var input: InputConfiguration
    package var accountsFile: String?
    package var rules: RulePack
    package var profile = ProfileParameters()
    package var link = LinkParameters()
    package var score = ScoreParameters()
    /// The command line as given (for the run manifest).
    package var commandLine: [String] = []
    /// Hash input files for the manifest (SHA-256).
    package var hashInputs = true
    /// Keep every evidence edge inside campaigns in the report (for the case database):
    /// a campaign of a thousand accounts has hundreds of thousands of them.
    package var keepCaseEdges = false
    /// Print each phase's duration on stderr (`--timings`).
    package var printTimings = false
    /// Leave the profiles and the link stage's result for the process's exit to reclaim
    /// (a command that exits once its report is written) instead of freeing them on a
    /// pool thread while the report renders: freeing millions of small objects there
    /// contended with the rendering's allocations (x1: the JSON report took 29–31 ms
    /// beside the release, 12–13 ms without it), and the peak was reached before.
    package var leavesStateForExit = false

    package init(input: InputConfiguration, accountsFile: String? = nil, rules: RulePack = .builtIn) {
        self.input = input
        self.accountsFile = accountsFile
        self.rules = rules
    }
}
