import DistillDecode

/// Writes synthetic requests as log lines in each supported format.
enum EventWriter {
    static func line(_ e: SynthEvent, format: SynthConfig.Format) -> String {
        switch format {
        case .canonical: return canonical(e)
        case .litellm: return litellm(e)
        case .bedrock: return bedrock(e)
        }
    }

    /// The account id as the log format shows it (Bedrock: the caller's role-session ARN).
    static func accountKey(_ id: String, _ format: SynthConfig.Format) -> String {
        format == .bedrock ? "arn:aws:sts::111122223333:assumed-role/app/" + id : id
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

    static func canonical(_ e: SynthEvent) -> String {
        var s = "{\"ts\":\"\(rfc3339(e.ts))\",\"request_id\":\(q(e.requestID)),\"account_id\":\(q(e.account)),\"api_key_id\":\(q(e.apiKey))"
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

    static func bedrock(_ e: SynthEvent) -> String {
        let converse = e.ts % 2 == 0
        var s = "{\"schemaType\":\"ModelInvocationLog\",\"schemaVersion\":\"1.0\",\"timestamp\":\"\(rfc3339(e.ts))\",\"accountId\":\(q(e.org ?? "111122223333"))"
        s += ",\"identity\":{\"arn\":\(q(accountKey(e.account, .bedrock)))},\"region\":\"us-east-1\",\"requestId\":\(q(e.requestID))"
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
