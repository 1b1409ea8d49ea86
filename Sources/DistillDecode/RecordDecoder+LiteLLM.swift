extension RecordDecoder {
    /// LiteLLM `StandardLoggingPayload`: the account is `end_user` when set, else the
    /// key's user (`metadata.user_api_key_user_id`), else the key hash.
    func decodeLiteLLM(into r: inout RequestRecord) -> MalformedKind? {
        let t = tape
        let root = t.root
        let meta = t.member(root, "metadata").flatMap { t.kind($0) == .object ? $0 : nil }
        let params = t.member(root, "model_parameters").flatMap { t.kind($0) == .object ? $0 : nil }
        var account: Result<Int, MalformedKind>?
        for candidate in [
            t.member(root, "end_user"), meta.flatMap { t.member($0, "user_api_key_user_id") },
            t.member(root, "user"), meta.flatMap { t.member($0, "user_api_key_hash") },
        ] {
            if let c = candidate, let id = identifierNode(c) { account = id; break }
        }
        let accountNode: Int
        switch account {
        case .success(let a)?: accountNode = a
        case .failure(let k)?: return k
        case nil: return .missingAccount
        }
        let time: Int64
        switch timestamp(t.member(root, "startTime") ?? t.member(root, "start_time") ?? t.member(root, "timestamp")) {
        case .success(let v): time = v
        case .failure(let k): return k
        }
        r.reset(timestamp: time)
        appendIdentifier(accountNode, to: &r.accountUTF8)
        r.apiKey = text(meta.flatMap { t.member($0, "user_api_key_hash") }, intern: false)
        r.org = text(meta.flatMap { t.member($0, "user_api_key_team_id") ?? t.member($0, "user_api_key_org_id") })
        r.ip = text(t.member(root, "requester_ip_address") ?? meta.flatMap { t.member($0, "requester_ip_address") }, limit: 64, intern: false)
            .map(Self.firstForwardedAddress)
        if let headers = meta.flatMap({ t.member($0, "headers") ?? t.member($0, "requester_metadata") }) {
            r.userAgent = text(t.member(headers, "user-agent") ?? t.member(headers, "User-Agent"))
        }
        r.model = text(t.member(root, "model"), limit: 128)
        r.endpoint = text(t.member(root, "call_type"), limit: 64)
        if let s = text(t.member(root, "status"), limit: 32)?.lowercased() { r.failed = s != "success" }
        r.inputTokens = t.member(root, "prompt_tokens").flatMap(t.int)
        r.outputTokens = t.member(root, "completion_tokens").flatMap(t.int)
        if let p = params {
            r.maxTokens = (t.member(p, "max_tokens") ?? t.member(p, "max_completion_tokens")).flatMap(t.int)
            if let tl = t.member(p, "tools"), t.kind(tl) == .array { MessageExtraction.toolNames(t, tl, into: &r.toolNames) }
        }
        if let resp = t.member(root, "response"), t.kind(resp) == .object,
            let choices = t.member(resp, "choices"), t.kind(choices) == .array
        {
            t.forEachElement(choices) { c in
                if r.stopReason == nil, let f = t.member(c, "finish_reason") { r.stopReason = text(f, limit: 64) }
            }
        }
        if let s = t.member(root, "startTime").flatMap(t.double), let e = t.member(root, "endTime").flatMap(t.double), e >= s {
            // Times from the log: a difference too large for milliseconds is dropped, never trapped on.
            let ms = (e - s) * 1000
            r.latencyMs = ms.isFinite && ms < 1e15 ? Int(ms) : nil
        }
        guard options.extractText else { return nil }
        if let msgs = t.member(root, "messages") {
            if t.kind(msgs) == .array {
                MessageExtraction.read(t, messages: msgs, limit: options.maxPromptBytes, systemLimit: options.maxSystemBytes, into: &r)
            } else if t.kind(msgs) == .string {
                MessageExtraction.setPlainText(t, msgs, limit: options.maxPromptBytes, &r.promptUTF8)
                r.userTurns = 1
            }
        }
        return nil
    }
}
