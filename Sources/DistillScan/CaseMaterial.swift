import DistillDecode
import DistillScore
import DistillSupport

/// One campaign member as a row of the takedown list: its own figures, what the accounts
/// file says, and which kinds of evidence link it to the rest of its campaign.
package struct MemberFigures: Sendable, Equatable {
    package var account: String
    package var requests: Int
    package var firstSeen: Int64
    package var lastSeen: Int64
    package var emailDomain: String?
    package var payment: String?
    package var country: String?
    package var topIP: String?
    package var topClient: String?
    /// 0–1: the account's own suspicion and its share of extraction-intent prompts.
    package var suspicion: Double
    package var extractionShare: Double
    /// Evidence kinds (`payment`, `ip`, `family`, …) of the kept edges to other members, sorted.
    package var evidence: [String]
    /// How many other members it has a kept edge with.
    package var links: Int
    /// Requests per UTC day (days since 1970-01-01): the stacked timeline of the HTML report.
    package var days: [Int32: Int] = [:]
    /// UTC hours active per day (bit set): the hours the day's requests are spread over.
    package var dayHours: [Int32: UInt32] = [:]

    package init(
        account: String, requests: Int, firstSeen: Int64, lastSeen: Int64, emailDomain: String? = nil, payment: String? = nil,
        country: String? = nil, topIP: String? = nil, topClient: String? = nil, suspicion: Double = 0, extractionShare: Double = 0,
        evidence: [String] = [], links: Int = 0
    ) {
        self.account = account; self.requests = requests; self.firstSeen = firstSeen; self.lastSeen = lastSeen
        self.emailDomain = emailDomain; self.payment = payment; self.country = country; self.topIP = topIP; self.topClient = topClient
        self.suspicion = suspicion; self.extractionShare = extractionShare; self.evidence = evidence; self.links = links
    }
}

/// A kept evidence edge between two members of one campaign, with its weight per kind.
package struct CaseEdge: Sendable, Equatable {
    package var a: String
    package var b: String
    package var weights: [Weight]
    package struct Weight: Sendable, Equatable {
        package var kind: String
        package var weight: Double
        package init(kind: String, weight: Double) { self.kind = kind; self.weight = weight }
    }
    package init(a: String, b: String, weights: [Weight]) { self.a = a; self.b = b; self.weights = weights }
}

/// A section added to a report after the analysis (for example the comparison with a
/// baseline): a top-level JSON key and a Markdown block placed after the summary.
package struct ReportSection: Sendable {
    package var key: String
    package var json: JSONValue
    package var markdown: String
    package init(key: String, json: JSONValue, markdown: String) { self.key = key; self.json = json; self.markdown = markdown }
}
