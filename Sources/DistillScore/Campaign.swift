/// How serious a finding is.
public enum Severity: String, CaseIterable, Sendable, Comparable, Codable {
    case low, medium, high, critical
    public var rank: Int { Severity.allCases.firstIndex(of: self)! }
    public static func < (a: Self, b: Self) -> Bool { a.rank < b.rank }
}

/// One measured reason to believe a group is a campaign, with its numbers.
public struct Signal: Sendable, Equatable {
    /// `linkage`, `prompt_family`, `coordination`, `extraction_intent`, `output_appetite`,
    /// `automation`, `model_pivot`, `benign_explanation`.
    public var kind: String
    /// 0–1.
    public var strength: Double
    public var evidence: String
}

/// A value with how many accounts / requests carry it.
public struct Tally: Sendable, Equatable {
    public var value: String
    public var accounts: Int
    public var requests: Int
    public init(value: String, accounts: Int, requests: Int) { self.value = value; self.accounts = accounts; self.requests = requests }
}

/// A detected coordinated distillation campaign.
public struct Campaign: Sendable {
    /// Derived from the sorted member ids, so it is stable across runs.
    public var id: String
    public var severity: Severity
    /// 0–100.
    public var score: Double
    /// Every member account, sorted.
    public var accounts: [String]
    public var requests: Int
    public var firstSeen: Int64
    public var lastSeen: Int64
    public var signals: [Signal]
    public var families: [FamilySummary]
    public var ips: [Tally]
    public var subnets: [Tally]
    public var clients: [Tally]
    public var payments: [Tally]
    public var emailDomains: [Tally]
    public var models: [Tally]
    /// Requests per day (`YYYY-MM-DD`).
    public var timeline: [(String, Int)]
    public var samples: [String]

    /// A prompt family as the report shows it.
    public struct FamilySummary: Sendable {
        public var template: String
        /// Share of the campaign's sampled prompts in this family.
        public var share: Double
        public var accounts: Int
        /// Accounts outside the campaign whose samples are in this family.
        public var outsideAccounts: Int
    }
}
