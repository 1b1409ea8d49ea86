/// How serious a finding is.
public enum Severity: String, CaseIterable, Sendable, Comparable, Codable {
    case low, medium, high, critical
    public var rank: Int { Severity.allCases.firstIndex(of: self)! }
    public static func < (a: Self, b: Self) -> Bool { a.rank < b.rank }
}

/// What a signal measures.
public enum SignalKind: String, Sendable, CaseIterable, Comparable {
    /// Shared infrastructure or identity (cards, IPs, subnets, clients, email domains, signups).
    case linkage
    /// Shared prompt families.
    case promptFamily = "prompt_family"
    /// Coordination in time (same hours, lockstep minutes, hand-offs).
    case coordination
    case extractionIntent = "extraction_intent"
    case outputAppetite = "output_appetite"
    case automation
    case modelPivot = "model_pivot"
    public static func < (a: Self, b: Self) -> Bool { a.rawValue < b.rawValue }
}

/// One measured reason to believe a group is a campaign, with its numbers.
public struct Signal: Sendable, Equatable {
    public var kind: SignalKind
    /// The evidence kind behind a linkage, prompt-family or coordination signal.
    public var link: String?
    /// 0–1.
    public var strength: Double
    /// Points of the score this signal accounts for (before benign factors); 0 for
    /// linkage detail, which counts through `coordination`.
    public var weight: Double
    /// The counts behind it, by name.
    public var counts: [(String, Double)]
    /// The sentence that says it.
    public var evidence: String

    public init(kind: SignalKind, link: String? = nil, strength: Double, weight: Double = 0, counts: [(String, Double)] = [], evidence: String) {
        self.kind = kind; self.link = link; self.strength = strength; self.weight = weight; self.counts = counts; self.evidence = evidence
    }

    public static func == (a: Signal, b: Signal) -> Bool {
        a.kind == b.kind && a.link == b.link && a.strength == b.strength && a.weight == b.weight && a.evidence == b.evidence
            && a.counts.map(\.0) == b.counts.map(\.0) && a.counts.map(\.1) == b.counts.map(\.1)
    }
}

/// A benign reading of a group's traffic, considered for every group and applied (its
/// factor multiplies the score) only when its condition holds.
public struct BenignExplanation: Sendable, Equatable {
    public enum Kind: String, Sendable, CaseIterable {
        /// Members repeat identical earlier prompts (an evaluation harness).
        case repeatedPrompts = "repeated_prompts"
        /// The same prompts verbatim across members with short outputs (a benchmark run).
        case fixedSetReplay = "fixed_set_replay"
        /// One declared organisation with short outputs (a batch pipeline).
        case batchPipeline = "batch_pipeline"
        /// Every member verified and of one declared organisation (one customer's keys).
        case verifiedOrganisation = "verified_organisation"
        /// Most requests carry a system prompt used by many accounts (a popular client).
        case widespreadClient = "widespread_client"
        /// Linked by a shared template only, with independent cards, IPs, domains and signups.
        case independentInfrastructure = "independent_infrastructure"
    }
    public var kind: Kind
    public var applied: Bool
    /// The score factor when applied.
    public var factor: Double
    /// The measure behind it (0–1).
    public var strength: Double
    public var counts: [(String, Double)]
    public var evidence: String

    public static func == (a: Self, b: Self) -> Bool {
        a.kind == b.kind && a.applied == b.applied && a.factor == b.factor && a.strength == b.strength && a.evidence == b.evidence
    }
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
    /// The report's order: most severe first, then the highest score, ties by id (so the
    /// order never depends on threads or on the order campaigns were found).
    public static func reportOrder(_ a: Campaign, _ b: Campaign) -> Bool {
        (b.severity.rank, b.score, a.id) < (a.severity.rank, a.score, b.id)
    }

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
    public var benign: [BenignExplanation]
    /// The severity rule that decided (`score >= 65: high`, or a cap and why).
    public var severityRule: String
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
