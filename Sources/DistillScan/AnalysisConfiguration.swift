import DistillDecode
import DistillLink
import DistillProfile
import DistillScore

/// Everything `analyze` needs, validated: inputs, enrichment, rules and every parameter.
public struct AnalysisConfiguration: Sendable {
    public var input: InputConfiguration
    public var accountsFile: String?
    public var rules: RulePack
    public var profile = ProfileParameters()
    public var link = LinkParameters()
    public var score = ScoreParameters()
    /// The command line as given (for the run manifest).
    public var commandLine: [String] = []
    /// Hash input files for the manifest (SHA-256).
    public var hashInputs = true
    /// Keep every evidence edge inside campaigns in the report (for the case database):
    /// a campaign of a thousand accounts has hundreds of thousands of them.
    public var keepCaseEdges = false
    /// Print each phase's duration on stderr (`--timings`).
    public var printTimings = false

    public init(input: InputConfiguration, accountsFile: String? = nil, rules: RulePack = .builtIn) {
        self.input = input
        self.accountsFile = accountsFile
        self.rules = rules
    }
}
