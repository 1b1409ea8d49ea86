import DistillDecode
import DistillLink
import DistillScore

/// Everything an `analyze` run found, ready for any writer.
package struct AnalysisReport: Sendable {
    package var input: InputSummary
    package var campaigns: [Campaign]
    /// Accounts seen, accounts judged suspicious on their own, prompt families found.
    package var accounts: Int
    package var candidates: Int
    package var families: Int
    /// The most widely used prompt families of the whole dump (user and system prompts).
    package var familyStatistics: [FamilyStatistics.Family]
    package var manifest: RunManifest
    /// Per-member figures of campaign members (by account id) and the kept evidence edges
    /// inside campaigns: the members table, CSV and case database (CaseMaterial.swift).
    package var members: [String: MemberFigures] = [:]
    package var edges: [CaseEdge] = []
    /// Sections added after the analysis (`--baseline`): see `ReportSection`.
    package var sections: [ReportSection] = []

    package init(
        input: InputSummary, campaigns: [Campaign], accounts: Int, candidates: Int, families: Int,
        familyStatistics: [FamilyStatistics.Family] = [], manifest: RunManifest
    ) {
        self.familyStatistics = familyStatistics
        self.input = input
        self.campaigns = campaigns
        self.accounts = accounts
        self.candidates = candidates
        self.families = families
        self.manifest = manifest
    }

    /// Only campaigns at or above a severity (`--min-severity`).
    package func filtered(minSeverity: Severity) -> AnalysisReport {
        var r = self
        r.campaigns = campaigns.filter { $0.severity >= minSeverity }
        return r
    }

    package func count(_ s: Severity) -> Int { campaigns.filter { $0.severity == s }.count }
}

/// The run manifest: what ran, on what, with which settings (chain of custody).
package struct RunManifest: Sendable {
    package var toolName: String
    package var toolVersion: String
    package var commandLine: [String]
    /// Every parameter and threshold, by name.
    package var parameters: [(String, Double)]
    /// The parameters set away from their defaults (by `--config`): name, value, default.
    package var changedParameters: [(name: String, value: Double, defaultValue: Double)] = []
    package var rulePackName: String
    package var rulePackVersion: String
    package var rulePackSHA256: String
    package var accountsFile: String?
    package var accountsFileSHA256: String?
    package var accountsTally: LineTally?

    package init(
        toolName: String, toolVersion: String, commandLine: [String], parameters: [(String, Double)],
        rulePackName: String, rulePackVersion: String, rulePackSHA256: String,
        accountsFile: String?, accountsFileSHA256: String?, accountsTally: LineTally?
    ) {
        self.toolName = toolName; self.toolVersion = toolVersion; self.commandLine = commandLine; self.parameters = parameters
        self.rulePackName = rulePackName; self.rulePackVersion = rulePackVersion; self.rulePackSHA256 = rulePackSHA256
        self.accountsFile = accountsFile; self.accountsFileSHA256 = accountsFileSHA256; self.accountsTally = accountsTally
    }
}
