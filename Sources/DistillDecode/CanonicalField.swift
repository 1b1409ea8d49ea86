/// The fields of the canonical gateway log, and the aliases real logs use for them.
public enum CanonicalField: String, CaseIterable, Sendable {
    case ts, requestID = "request_id", account = "account_id", apiKey = "api_key_id", org = "org_id"
    case ip, userAgent = "user_agent", tls = "tls_ja3", model, endpoint, status
    case inputTokens = "input_tokens", outputTokens = "output_tokens", maxTokens = "max_tokens"
    case stopReason = "stop_reason", latency = "latency_ms", system, messages, tools, prompt, usage

    /// Names accepted for each field, canonical name first.
    public var aliases: [String] {
        switch self {
        case .ts: return ["ts", "timestamp", "@timestamp", "time", "request_time", "start_time", "created"]
        case .requestID: return ["request_id", "requestId", "req_id"]
        case .account: return ["account_id", "user_id", "account", "accountId", "customer_id", "userId", "user"]
        case .apiKey: return ["api_key_id", "key_id", "api_key", "apiKeyId"]
        case .org: return ["org_id", "organization_id", "organization", "orgId", "team_id"]
        case .ip: return ["ip", "client_ip", "remote_addr", "source_ip", "ip_address", "clientIp", "requester_ip_address", "x_forwarded_for"]
        case .userAgent: return ["user_agent", "userAgent", "http_user_agent", "ua"]
        case .tls: return ["tls_ja3", "ja3", "tls_fingerprint", "ja4", "ja3_hash"]
        case .model: return ["model", "model_id", "modelId"]
        case .endpoint: return ["endpoint", "path", "route"]
        case .status: return ["status", "status_code", "http_status", "statusCode"]
        case .inputTokens: return ["input_tokens", "prompt_tokens"]
        case .outputTokens: return ["output_tokens", "completion_tokens"]
        case .maxTokens: return ["max_tokens", "max_completion_tokens", "max_output_tokens"]
        case .stopReason: return ["stop_reason", "finish_reason"]
        case .latency: return ["latency_ms", "duration_ms", "latency"]
        case .system: return ["system", "system_prompt"]
        case .messages: return ["messages"]
        case .tools: return ["tools", "functions"]
        case .prompt: return ["prompt", "input"]
        case .usage: return ["usage"]
        }
    }

    /// Alias bytes → field, for one pass over a record's keys.
    static let byKey: [ArraySlice<UInt8>: CanonicalField] = {
        var table: [ArraySlice<UInt8>: CanonicalField] = [:]
        for f in allCases {
            for a in f.aliases where table[ArraySlice(a.utf8)] == nil { table[ArraySlice(a.utf8)] = f }
        }
        return table
    }()

    /// Priority of an alias within its field (lower wins), so `account_id` beats `user`.
    static let rank: [ArraySlice<UInt8>: Int] = {
        var table: [ArraySlice<UInt8>: Int] = [:]
        for f in allCases { for (i, a) in f.aliases.enumerated() { table[ArraySlice(a.utf8)] = i } }
        return table
    }()
}
