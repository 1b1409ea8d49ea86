extension RecordDecoder {
    /// AWS Bedrock model-invocation logs. The caller (`identity.arn`) is the account;
    /// `accountId` is the AWS account that writes the log, the same for every caller: it
    /// is not the callers' organisation, so no org is taken from the log (an accounts file
    /// may declare one). No IP, no user agent.
    func decodeBedrock(into r: inout RequestRecord) -> MalformedKind? {
        let t = tape
        let root = t.root
        let identity = t.member(root, "identity")
        var caller: Int?
        if let id = identity { caller = t.kind(id) == .object ? t.member(id, "arn") : id }
        let accountNode: Int
        switch identifierNode(caller) {
        case .success(let a)?: accountNode = a
        case .failure(let k)?: return k
        case nil: return .missingAccount
        }
        let time: Int64
        switch timestamp(t.member(root, "timestamp")) {
        case .success(let v): time = v
        case .failure(let k): return k
        }
        r.reset(timestamp: time)
        appendIdentifier(accountNode, to: &r.accountUTF8)
        r.model = text(t.member(root, "modelId"), limit: 128)
        r.endpoint = text(t.member(root, "operation"), limit: 64)
        if let e = t.member(root, "errorCode"), t.kind(e) != .null { r.failed = true }
        let input = t.member(root, "input").flatMap { t.kind($0) == .object ? $0 : nil }
        let output = t.member(root, "output").flatMap { t.kind($0) == .object ? $0 : nil }
        r.inputTokens = input.flatMap { t.member($0, "inputTokenCount") }.flatMap(t.int)
        r.outputTokens = output.flatMap { t.member($0, "outputTokenCount") }.flatMap(t.int)
        if let out = output, let body = t.member(out, "outputBodyJson"), t.kind(body) == .object {
            r.stopReason = text(t.member(body, "stop_reason") ?? t.member(body, "stopReason"), limit: 64)
            if r.stopReason == nil, let choices = t.member(body, "choices") {
                t.forEachElement(choices) { c in if r.stopReason == nil { r.stopReason = text(t.member(c, "finish_reason"), limit: 64) } }
            }
        }
        if options.extractText, let inp = input, let body = t.member(inp, "inputBodyJson"), t.kind(body) == .object {
            readBedrockBody(body, into: &r)
        }
        return nil
    }

    /// Reads a Converse body or a provider's native InvokeModel body.
    private func readBedrockBody(_ body: Int, into r: inout RequestRecord) {
        let t = tape
        let limit = options.maxPromptBytes
        if let msgs = t.member(body, "messages"), t.kind(msgs) == .array {
            MessageExtraction.read(t, messages: msgs, limit: limit, systemLimit: options.maxSystemBytes, into: &r)
        } else if let p = t.member(body, "prompt") ?? t.member(body, "inputText") ?? t.member(body, "message") {
            MessageExtraction.setText(t, p, limit: limit, &r.promptUTF8)
            r.userTurns = r.promptUTF8.isEmpty ? 0 : 1
        }
        if let s = t.member(body, "system") { MessageExtraction.setText(t, s, limit: options.maxSystemBytes, &r.systemUTF8) }
        let inference = t.member(body, "inferenceConfig")
        let titan = t.member(body, "textGenerationConfig")
        let maxNode =
            t.member(body, "max_tokens") ?? t.member(body, "max_tokens_to_sample") ?? t.member(body, "max_gen_len")
            ?? inference.flatMap { t.member($0, "maxTokens") ?? t.member($0, "max_new_tokens") }
            ?? titan.flatMap { t.member($0, "maxTokenCount") }
        r.maxTokens = maxNode.flatMap(t.int)
        if let tc = t.member(body, "toolConfig"), let tools = t.member(tc, "tools") {
            MessageExtraction.toolNames(t, tools, into: &r.toolNames)
        } else if let tools = t.member(body, "tools"), t.kind(tools) == .array {
            MessageExtraction.toolNames(t, tools, into: &r.toolNames)
        }
    }
}
