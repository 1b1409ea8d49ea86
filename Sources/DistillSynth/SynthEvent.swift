/// One synthetic request before it is written in a log format.
public struct SynthEvent: Sendable {
    public var ts: Int64  // epoch ms
    public var account: String
    public var apiKey: String
    public var org: String?
    public var ip: String?
    public var userAgent: String?
    public var ja3: String?
    public var model: String
    public var maxTokens: Int
    public var inputTokens: Int
    public var outputTokens: Int
    public var stopReason: String
    public var status: Int = 200
    public var latencyMs: Int
    public var system: String?
    /// Alternating user / assistant turns, ending with a user turn.
    public var turns: [String]
    public var tools: [String] = []
    public var requestID: String
}

/// An account of the synthetic world, as the accounts file describes it.
public struct SynthAccount: Sendable {
    public var id: String
    public var createdAt: Int64
    public var email: String
    public var payment: String
    public var country: String
    public var verified: Bool
    public var org: String?
    /// Ground truth: `campaign` or `benign`.
    public var kind: String
    /// Ground truth: the campaign id (`C1`…) or the benign population name.
    public var group: String
    /// Campaign style or benign population (for per-population evaluation).
    public var population: String
}
