import DistillDecode
import DistillLink
import DistillScore

/// Everything an `analyze` run found, ready for any writer.
public struct AnalysisReport: Sendable {
    public var input: InputSummary
    public var campaigns: [Campaign]
    /// Accounts seen, accounts judged suspicious on their own, prompt families found.
    public var accounts: Int
    public var candidates: Int
    public var families: Int
    /// The most widely used prompt families of the whole dump (user and system prompts).
    public var familyStatistics: [FamilyStatistics.Family]
    public var manifest: RunManifest
    /// Per-member figures of campaign members (by account id) and the kept evidence edges
    /// inside campaigns: the members table, CSV and case database (CaseMaterial.swift).
    public var members: [String: MemberFigures] = [:]
    public var edges: [CaseEdge] = []
    /// Sections added after the analysis (`--baseline`): see `ReportSection`.
    public var sections: [ReportSection] = []

    public init(input: InputSummary, campaigns: [Campaign], accounts: Int, candidates: Int, families: Int,
                familyStatistics: [FamilyStatistics.Family] = [], manifest: RunManifest) {
        self.familyStatistics = familyStatistics
        self.input = input
        self.campaigns = campaigns
        self.accounts = accounts
        self.candidates = candidates
        self.families = families
        self.manifest = manifest
    }

    /// Only campaigns at or above a severity (`--min-severity`).
    public func filtered(minSeverity: Severity) -> AnalysisReport {
        var r = self
        r.campaigns = campaigns.filter { $0.severity >= minSeverity }
        return r
    }

    public func count(_ s: Severity) -> Int { campaigns.filter { $0.severity == s }.count }
}

/// The run manifest: what ran, on what, with which settings (chain of custody).
public struct RunManifest: Sendable {
    public var toolName: String
    public var toolVersion: String
    public var commandLine: [String]
    /// Every parameter and threshold, by name.
    public var parameters: [(String, Double)]
    /// The parameters set away from their defaults (by `--config`): name, value, default.
    public var changedParameters: [(name: String, value: Double, defaultValue: Double)] = []
    public var rulePackName: String
    public var rulePackVersion: String
    public var rulePackSHA256: String
    public var accountsFile: String?
    public var accountsFileSHA256: String?
    public var accountsTally: LineTally?

    public init(toolName: String, toolVersion: String, commandLine: [String], parameters: [(String, Double)],
                rulePackName: String, rulePackVersion: String, rulePackSHA256: String,
                accountsFile: String?, accountsFileSHA256: String?, accountsTally: LineTally?) {
        self.toolName = toolName; self.toolVersion = toolVersion; self.commandLine = commandLine; self.parameters = parameters
        self.rulePackName = rulePackName; self.rulePackVersion = rulePackVersion; self.rulePackSHA256 = rulePackSHA256
        self.accountsFile = accountsFile; self.accountsFileSHA256 = accountsFileSHA256; self.accountsTally = accountsTally
    }
}
