import DistillDecode
import DistillSupport

/// Writes synthetic requests as log lines in each supported format.
enum EventWriter {
    static func line(_ e: SynthEvent, format: SynthConfig.Format, variant: World.Variant) -> String {
        switch format {
        case .canonical: return canonical(e, variant)
        case .litellm: return litellm(e)
        case .bedrock: return bedrock(e, variant)
        }
    }

    /// The account id as the log format shows it (Bedrock: the caller's role-session ARN in
    /// the AWS account that owns the logs).
    static func accountKey(_ id: String, _ format: SynthConfig.Format, owner: String) -> String {
        format == .bedrock ? "arn:aws:sts::\(owner):assumed-role/app/" + id : id
    }

    /// A timestamp as this seed's logs write it: RFC 3339 or epoch, milliseconds or whole seconds.
    static func timestamp(_ ms: Int64, _ v: World.Variant, epochAllowed: Bool) -> String {
        if epochAllowed && v.epochTimestamps { return v.wholeSeconds ? String(ms / 1000) : String(ms) }
        return v.wholeSeconds ? Timestamp.format(ms) : rfc3339(ms)
    }

    static func q(_ s: String) -> String { JSONQuote.quoted(s) }

    static func rfc3339(_ ms: Int64) -> String { Timestamp.formatMillis(ms) }

    static func messages(_ e: SynthEvent, blocks: Bool) -> String {
        var parts: [String] = []
        for (i, t) in e.turns.enumerated() {
            let role = i % 2 == 0 ? "user" : "assistant"
            let content = blocks ? "[{\"type\":\"text\",\"text\":\(q(t))}]" : q(t)
            parts.append("{\"role\":\"\(role)\",\"content\":\(content)}")
        }
        return "[" + parts.joined(separator: ",") + "]"
    }

    static func canonical(_ e: SynthEvent, _ v: World.Variant) -> String {
        let ts = timestamp(e.ts, v, epochAllowed: true)
        var s = "{\"ts\":\(v.epochTimestamps ? ts : "\"" + ts + "\""),\"request_id\":\(q(e.requestID)),\"account_id\":\(q(e.account)),\"api_key_id\":\(q(e.apiKey))"
        if let o = e.org { s += ",\"org_id\":\(q(o))" }
        if let ip = e.ip { s += ",\"ip\":\(q(ip))" }
        if let ua = e.userAgent { s += ",\"user_agent\":\(q(ua))" }
        if let j = e.ja3 { s += ",\"tls_ja3\":\(q(j))" }
        s += ",\"model\":\(q(e.model)),\"endpoint\":\"/v1/messages\",\"status\":\(e.status),\"input_tokens\":\(e.inputTokens)"
        s += ",\"output_tokens\":\(e.status == 200 ? e.outputTokens : 0),\"max_tokens\":\(e.maxTokens),\"stop_reason\":\(q(e.stopReason)),\"latency_ms\":\(e.latencyMs)"
        if let sys = e.system { s += ",\"system\":\(q(sys))" }
        s += ",\"messages\":\(messages(e, blocks: e.ts % 3 == 0))"
        if !e.tools.isEmpty { s += ",\"tools\":[" + e.tools.map { "{\"name\":\(q($0))}" }.joined(separator: ",") + "]" }
        return s + "}"
    }

    static func litellm(_ e: SynthEvent) -> String {
        let start = Double(e.ts) / 1000
        let startText = String(format3(start)), endText = String(format3(start + Double(e.latencyMs) / 1000))
        var msgs = ""
        if let sys = e.system { msgs = "{\"role\":\"system\",\"content\":\(q(sys))}," }
        let turns = messages(e, blocks: false)
        msgs = "[" + msgs + turns.dropFirst()
        var s = "{\"id\":\(q("chatcmpl-" + e.requestID.dropFirst(4))),\"call_type\":\"acompletion\",\"stream\":false,\"status\":\(e.status == 200 ? "\"success\"" : "\"failure\"")"
        s += ",\"prompt_tokens\":\(e.inputTokens),\"completion_tokens\":\(e.status == 200 ? e.outputTokens : 0),\"total_tokens\":\(e.inputTokens + e.outputTokens)"
        s += ",\"startTime\":\(startText),\"endTime\":\(endText),\"model\":\(q(e.model)),\"model_group\":\(q(e.model))"
        s += ",\"metadata\":{\"user_api_key_hash\":\(q(e.apiKey)),\"user_api_key_user_id\":\(q(e.account)),\"user_api_key_team_id\":\(e.org.map(q) ?? "null")"
        s += ",\"requester_ip_address\":\(e.ip.map(q) ?? "null"),\"headers\":{\"user-agent\":\(e.userAgent.map(q) ?? "null")}}"
        s += ",\"end_user\":\"\",\"requester_ip_address\":\(e.ip.map(q) ?? "null"),\"messages\":\(msgs)"
        s += ",\"model_parameters\":{\"max_tokens\":\(e.maxTokens)"
        if !e.tools.isEmpty { s += ",\"tools\":[" + e.tools.map { "{\"type\":\"function\",\"function\":{\"name\":\(q($0))}}" }.joined(separator: ",") + "]" }
        s += "},\"response\":{\"choices\":[{\"finish_reason\":\(q(e.stopReason == "max_tokens" ? "length" : "stop"))}]}"
        s += ",\"error_str\":\(e.status == 200 ? "null" : "\"RateLimitError: 429\"")}"
        return s
    }

    static func bedrock(_ e: SynthEvent, _ v: World.Variant) -> String {
        let converse = (e.requestID.utf8.last ?? 0) % 2 == 0
        // accountId is the AWS account that owns the logs: the same on every record, never the caller's organisation.
        var s = "{\"schemaType\":\"ModelInvocationLog\",\"schemaVersion\":\"1.0\",\"timestamp\":\"\(timestamp(e.ts, v, epochAllowed: false))\",\"accountId\":\(q(v.logOwner))"
        s += ",\"identity\":{\"arn\":\(q(accountKey(e.account, .bedrock, owner: v.logOwner)))},\"region\":\"us-east-1\",\"requestId\":\(q(e.requestID))"
        s += ",\"operation\":\(converse ? "\"Converse\"" : "\"InvokeModel\""),\"modelId\":\(q("vendor." + e.model + "-v1:0"))"
        if e.status != 200 { s += ",\"errorCode\":\"ThrottlingException\"" }
        var body: String
        if converse {
            var parts: [String] = []
            for (i, t) in e.turns.enumerated() { parts.append("{\"role\":\"\(i % 2 == 0 ? "user" : "assistant")\",\"content\":[{\"text\":\(q(t))}]}") }
            body = "{\"messages\":[" + parts.joined(separator: ",") + "]"
            if let sys = e.system { body += ",\"system\":[{\"text\":\(q(sys))}]" }
            body += ",\"inferenceConfig\":{\"maxTokens\":\(e.maxTokens)}"
            if !e.tools.isEmpty { body += ",\"toolConfig\":{\"tools\":[" + e.tools.map { "{\"toolSpec\":{\"name\":\(q($0))}}" }.joined(separator: ",") + "]}" }
            body += "}"
        } else {
            body = "{\"anthropic_version\":\"bedrock-2023-05-31\",\"max_tokens\":\(e.maxTokens)"
            if let sys = e.system { body += ",\"system\":\(q(sys))" }
            body += ",\"messages\":\(messages(e, blocks: false))"
            if !e.tools.isEmpty { body += ",\"tools\":[" + e.tools.map { "{\"name\":\(q($0))}" }.joined(separator: ",") + "]" }
            body += "}"
        }
        s += ",\"input\":{\"inputContentType\":\"application/json\",\"inputBodyJson\":\(body),\"inputTokenCount\":\(e.inputTokens)}"
        if e.status == 200 {
            s += ",\"output\":{\"outputContentType\":\"application/json\",\"outputBodyJson\":{\"stop_reason\":\(q(e.stopReason))},\"outputTokenCount\":\(e.outputTokens)}"
        }
        return s + "}"
    }

    static func format3(_ v: Double) -> String {
        let ms = Int64((v * 1000).rounded())
        let frac = String(ms % 1000)
        return "\(ms / 1000)." + String(repeating: "0", count: 3 - frac.count) + frac
    }
}
