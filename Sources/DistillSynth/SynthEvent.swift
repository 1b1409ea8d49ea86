/// One synthetic request before it is written in a log format.
package struct SynthEvent: Sendable {
    package var ts: Int64  // epoch ms
    package var account: String
    package var apiKey: String
    package var org: String?
    package var ip: String?
    package var userAgent: String?
    package var ja3: String?
    package var model: String
    package var maxTokens: Int
    package var inputTokens: Int
    package var outputTokens: Int
    package var stopReason: String
    package var status: Int = 200
    package var latencyMs: Int
    package var system: String?
    /// Alternating user / assistant turns, ending with a user turn.
    package var turns: [String]
    package var tools: [String] = []
    package var requestID: String
}

/// An account of the synthetic world, as the accounts file describes it.
package struct SynthAccount: Sendable {
    package var id: String
    package var createdAt: Int64
    package var email: String
    package var payment: String
    package var country: String
    package var verified: Bool
    package var org: String?
    /// Ground truth: `campaign` or `benign`.
    package var kind: String
    /// Ground truth: the campaign id (`C1`…) or the benign population name.
    package var group: String
    /// Campaign style or benign population (for per-population evaluation).
    package var population: String
}
