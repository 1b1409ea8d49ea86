import DistillSupport

/// One API request, reduced to what the analysis needs. Text fields are bounded.
package struct RequestRecord: Sendable, Equatable {
    /// Milliseconds since the Unix epoch (UTC).
    package var timestamp: Int64
    /// The account the analysis attributes the request to (for Bedrock: the caller ARN),
    /// as UTF-8 refilled in place like the texts: the profile finds the account by these
    /// bytes, and a `String` is made once per account, not per request.
    package var accountUTF8: [UInt8]
    package var apiKey: String? = nil
    /// Declared organisation / team (none for Bedrock: its `accountId` is the log owner).
    package var org: String? = nil
    package var ip: String? = nil
    package var userAgent: String? = nil
    package var tlsFingerprint: String? = nil
    package var model: String? = nil
    package var endpoint: String? = nil
    /// HTTP-like status; nil when not logged.
    package var status: Int? = nil
    /// The request failed (non-2xx status, a failure row, or an error code).
    package var failed: Bool = false
    package var inputTokens: Int? = nil
    package var outputTokens: Int? = nil
    package var maxTokens: Int? = nil
    package var stopReason: String? = nil
    package var latencyMs: Int? = nil
    /// The system prompt (client-defined), kept apart from what the user wrote: valid
    /// UTF-8 (the decoders copy text the parser validated, or a decoded `String`'s).
    ///
    /// The texts are byte buffers, not `String`s: the scan loop reuses one record, and
    /// `reset` keeps their capacity, so a request's texts are copied into place without an
    /// allocation, a second validation and a release (two or three per request, ~4 % of
    /// an analysis). A `String` is made only for the rare text a sketch keeps.
    package var systemUTF8: [UInt8] = []
    /// What the user wrote in the latest user turn (valid UTF-8, as `systemUTF8`).
    package var promptUTF8: [UInt8] = []
    package var userTurns: Int = 0
    package var assistantTurns: Int = 0
    /// Names of the tools offered to the model (refilled in place, as the texts).
    package var toolNames: [String] = []
    package var format: LogFormat = .canonical

    package init(timestamp: Int64, account: String) {
        self.timestamp = timestamp
        accountUTF8 = Array(account.utf8)
    }

    /// The account as a `String` (made on each read; the analysis reads the bytes).
    package var account: String {
        get { String(decoding: accountUTF8, as: UTF8.self) }
        set { accountUTF8 = Array(newValue.utf8) }
    }

    /// The system prompt as a `String` (made on each read; the analysis reads the bytes).
    package var systemPrompt: String {
        get { String(decoding: systemUTF8, as: UTF8.self) }
        set { systemUTF8 = Array(newValue.utf8) }
    }

    /// The latest user turn as a `String` (made on each read; the analysis reads the bytes).
    package var prompt: String {
        get { String(decoding: promptUTF8, as: UTF8.self) }
        set { promptUTF8 = Array(newValue.utf8) }
    }

    /// Makes this a fresh record at `timestamp`, as `init` would with an empty account,
    /// but keeps the account's, the texts' and the tool list's storage (emptied) for the
    /// decoder to refill. Field by field: assigning a new record destroyed the old one
    /// through its generic value witness (~270 instructions a request).
    package mutating func reset(timestamp: Int64) {
        org = nil
        userAgent = nil
        tlsFingerprint = nil
        model = nil
        endpoint = nil
        stopReason = nil
        resetKeepingFewValued(timestamp: timestamp)
    }

    /// `reset`, but leaving the few-valued text fields (`org`, `userAgent`,
    /// `tlsFingerprint`, `model`, `endpoint`, `stopReason`) for the caller to set, every
    /// one of them: the canonical decoder assigns them from its interner, which leaves a
    /// field holding the same string untouched.
    package mutating func resetKeepingFewValued(timestamp: Int64) {
        self.timestamp = timestamp
        accountUTF8.emptyKeepingCapacity()
        apiKey = nil
        ip = nil
        status = nil
        failed = false
        inputTokens = nil
        outputTokens = nil
        maxTokens = nil
        latencyMs = nil
        systemUTF8.emptyKeepingCapacity()
        promptUTF8.emptyKeepingCapacity()
        userTurns = 0
        assistantTurns = 0
        toolNames.emptyKeepingCapacity()
        format = .canonical
    }

    /// Whether the output stopped because it reached the token limit.
    package var hitTokenLimit: Bool {
        if let r = stopReason, Self.isLimitReason(r) { return true }
        if let o = outputTokens, let m = maxTokens, m > 0, o >= m - m / 50 { return true }
        return false
    }

    /// Stop reasons that mean "stopped at the token limit" (OpenAI, Anthropic, Gemini, Bedrock wording).
    static let limitReasons: [StaticString] = ["max_tokens", "length", "max_output_tokens"]

    /// Whether `reason` is one of `limitReasons`, ignoring ASCII case. Runs once per
    /// request: the length decides first, and the bytes are compared in place (a generic
    /// walk of two UTF-8 views cost ~200 instructions a request).
    static func isLimitReason(_ reason: String) -> Bool {
        let n = reason.utf8.count
        guard limitReasons.contains(where: { $0.utf8CodeUnitCount == n }) else { return false }
        return reason.withUTF8Bytes { bytes in
            limitReasons.contains { lower in
                // SAFETY: `lower` is a literal of `utf8CodeUnitCount` bytes in static storage; it is read only after the counts are found equal.
                lower.utf8CodeUnitCount == n && (0..<n).allSatisfy { bytes[$0].asciiLowercased == lower.utf8Start[$0] }
            }
        }
    }
}

/// A log format distillscan reads.
package enum LogFormat: String, Sendable, Codable, CaseIterable, Comparable {
    /// The canonical gateway log (`ts`, `account_id`, `messages`, … with common aliases).
    case canonical
    /// LiteLLM `StandardLoggingPayload` rows (`startTime`, `metadata.user_api_key_user_id`, …).
    case litellm
    /// AWS Bedrock model-invocation logs (`schemaType: ModelInvocationLog`, `identity.arn`).
    case bedrock
    /// Any JSONL mapped with `--schema FILE`.
    case mapped

    package static func < (a: LogFormat, b: LogFormat) -> Bool { a.rawValue < b.rawValue }

    /// Position in `allCases` (for counting per record without hashing).
    package var position: Int {
        switch self {
        case .canonical: 0
        case .litellm: 1
        case .bedrock: 2
        case .mapped: 3
        }
    }
}

extension UInt8 {
    /// The byte with ASCII upper case folded to lower case (other bytes unchanged).
    /// Inlinable: the profile's phrase check folds every candidate's bytes with it.
    @inlinable @inline(__always)
    package var asciiLowercased: UInt8 { self >= 0x41 && self <= 0x5A ? self + 32 : self }
}
