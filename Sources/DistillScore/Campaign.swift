/// How serious a finding is.
package enum Severity: String, CaseIterable, Sendable, Comparable, Codable {
    case low, medium, high, critical
    package var rank: Int { Severity.allCases.firstIndex(of: self)! }
    package static func < (a: Self, b: Self) -> Bool { a.rank < b.rank }
}

/// What a signal measures.
package enum SignalKind: String, Sendable, CaseIterable, Comparable {
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
    package static func < (a: Self, b: Self) -> Bool { a.rawValue < b.rawValue }
}

/// One measured reason to believe a group is a campaign, with its numbers.
package struct Signal: Sendable, Equatable {
    package var kind: SignalKind
    /// The evidence kind behind a linkage, prompt-family or coordination signal.
    package var link: String?
    /// 0–1.
    package var strength: Double
    /// Points of the score this signal accounts for (before benign factors); 0 for
    /// linkage detail, which counts through `coordination`.
    package var weight: Double
    /// The counts behind it, by name.
    package var counts: [(String, Double)]
    /// What was measured, as typed values; the report says it in words.
    package var fact: SignalFact

    package init(kind: SignalKind, link: String? = nil, strength: Double, weight: Double = 0, counts: [(String, Double)] = [], fact: SignalFact) {
        self.kind = kind; self.link = link; self.strength = strength; self.weight = weight; self.counts = counts; self.fact = fact
    }

    package static func == (a: Signal, b: Signal) -> Bool {
        a.kind == b.kind && a.link == b.link && a.strength == b.strength && a.weight == b.weight && a.fact == b.fact
            && a.counts.map(\.0) == b.counts.map(\.0) && a.counts.map(\.1) == b.counts.map(\.1)
    }
}

/// A benign reading of a group's traffic, considered for every group and applied (its
/// factor multiplies the score) only when its condition holds.
package struct BenignExplanation: Sendable, Equatable {
    package enum Kind: String, Sendable, CaseIterable {
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
    package var kind: Kind
    package var applied: Bool
    /// The score factor when applied.
    package var factor: Double
    /// The measure behind it (0–1).
    package var strength: Double
    package var counts: [(String, Double)]
    /// The measures and the thresholds they were held against; the report says it in words.
    package var fact: BenignFact

    package static func == (a: Self, b: Self) -> Bool {
        a.kind == b.kind && a.applied == b.applied && a.factor == b.factor && a.strength == b.strength && a.fact == b.fact
    }
}

/// A value with how many accounts / requests carry it.
package struct Tally: Sendable, Equatable {
    package var value: String
    package var accounts: Int
    package var requests: Int
    package init(value: String, accounts: Int, requests: Int) { self.value = value; self.accounts = accounts; self.requests = requests }
}

/// A detected coordinated distillation campaign.
package struct Campaign: Sendable {
    /// The report's order: most severe first, then the highest score, ties by id (so the
    /// order never depends on threads or on the order campaigns were found).
    package static func reportOrder(_ a: Campaign, _ b: Campaign) -> Bool {
        (b.severity.rank, b.score, a.id) < (a.severity.rank, a.score, b.id)
    }

    /// Derived from the sorted member ids, so it is stable across runs.
    package var id: String
    package var severity: Severity
    /// 0–100.
    package var score: Double
    /// Every member account, sorted.
    package var accounts: [String]
    package var requests: Int
    package var firstSeen: Int64
    package var lastSeen: Int64
    package var signals: [Signal]
    package var benign: [BenignExplanation]
    /// The severity rule that decided (a score threshold, or a cap and why).
    package var severityRule: SeverityRule
    package var families: [FamilySummary]
    package var ips: [Tally]
    package var subnets: [Tally]
    package var clients: [Tally]
    package var payments: [Tally]
    package var emailDomains: [Tally]
    package var models: [Tally]
    /// Requests per UTC day (days since 1970-01-01), in day order.
    package var timeline: [(day: Int32, requests: Int)]
    package var samples: [String]

    /// A prompt family as the report shows it.
    package struct FamilySummary: Sendable {
        package var template: String
        /// Share of the campaign's sampled prompts in this family.
        package var share: Double
        package var accounts: Int
        /// Accounts outside the campaign whose samples are in this family.
        package var outsideAccounts: Int
    }
}
