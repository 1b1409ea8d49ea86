import DistillDecode
import DistillScore
import DistillSupport

/// One campaign member as a row of the takedown list: its own figures, what the accounts
/// file says, and which kinds of evidence link it to the rest of its campaign.
public struct MemberFigures: Sendable, Equatable {
    public var account: String
    public var requests: Int
    public var firstSeen: Int64
    public var lastSeen: Int64
    public var emailDomain: String?
    public var payment: String?
    public var country: String?
    public var topIP: String?
    public var topClient: String?
    /// 0–1: the account's own suspicion and its share of extraction-intent prompts.
    public var suspicion: Double
    public var extractionShare: Double
    /// Evidence kinds (`payment`, `ip`, `family`, …) of the kept edges to other members, sorted.
    public var evidence: [String]
    /// How many other members it has a kept edge with.
    public var links: Int
    /// Requests per UTC day (days since 1970-01-01): the stacked timeline of the HTML report.
    public var days: [Int32: Int] = [:]

    public init(account: String, requests: Int, firstSeen: Int64, lastSeen: Int64, emailDomain: String? = nil, payment: String? = nil,
                country: String? = nil, topIP: String? = nil, topClient: String? = nil, suspicion: Double = 0, extractionShare: Double = 0,
                evidence: [String] = [], links: Int = 0) {
        self.account = account; self.requests = requests; self.firstSeen = firstSeen; self.lastSeen = lastSeen
        self.emailDomain = emailDomain; self.payment = payment; self.country = country; self.topIP = topIP; self.topClient = topClient
        self.suspicion = suspicion; self.extractionShare = extractionShare; self.evidence = evidence; self.links = links
    }
}

/// A kept evidence edge between two members of one campaign, with its weight per kind.
public struct CaseEdge: Sendable, Equatable {
    public var a: String
    public var b: String
    public var weights: [Weight]
    public struct Weight: Sendable, Equatable {
        public var kind: String
        public var weight: Double
        public init(kind: String, weight: Double) { self.kind = kind; self.weight = weight }
    }
    public init(a: String, b: String, weights: [Weight]) { self.a = a; self.b = b; self.weights = weights }
}

/// A section added to a report after the analysis (for example the comparison with a
/// baseline): a top-level JSON key and a Markdown block placed after the summary.
public struct ReportSection: Sendable {
    public var key: String
    public var json: JSONValue
    public var markdown: String
    public init(key: String, json: JSONValue, markdown: String) { self.key = key; self.json = json; self.markdown = markdown }
}
