import DistillSupport

#if canImport(Glibc)
import Glibc
#endif

extension RecordDecoder {
    /// The canonical gateway log, with aliases, in one pass over the top-level keys.
    func decodeCanonical(into r: inout RequestRecord) -> MalformedKind? {
        decodeCanonical(into: &r, detecting: false).failure
    }

    /// The canonical decode; when `detecting`, the same pass over the top-level keys also
    /// looks for the keys that mark the other formats (`FormatHints`), and
    /// on finding them returns that format without building a record (a second pass over
    /// the keys only to pick the format cost ~1 % of an analysis).
    func decodeCanonical(into r: inout RequestRecord, detecting: Bool) -> (format: LogFormat, failure: MalformedKind?) {
        let t = tape
        let n = CanonicalField.ordered.count
        let table = CanonicalField.aliasTable
        let modelField = CanonicalField.model.index
        // Slots on the stack: field index → value node, and the winning alias's rank.
        // SAFETY: `2 * n` stack slots, all initialized by the first loop; indices are `f` and `n + f` for field indices `f < n`; `slot` is used only inside this closure (`build`'s closure does not escape).
        return withUnsafeTemporaryAllocation(of: Int.self, capacity: 2 * n) { slot in
            for i in 0..<n { slot[i] = -1; slot[n + i] = .max }
            var hints = FormatHints()
            t.forEachMember(t.root) { k, v in
                // An escaped key's raw bytes hold a backslash: never one of the format keys.
                if t._unsafeNodes[k].escaped { matchEscaped(k, v, slot, n); return }
                let key = t._unsafeRaw(k)
                guard let a = table.lookup(key) else {
                    if detecting { hints.note(key) }
                    return
                }
                // `modelId` (Bedrock's) is the only 7-byte alias of `model`.
                if detecting && a.field == modelField && key.count == 7 { hints.modelId = true }
                if a.rank <= slot[n + a.field] { slot[a.field] = v; slot[n + a.field] = a.rank }
            }
            if detecting, hints.format != .canonical { return (hints.format, nil) }
            let failure = build(into: &r) { f in
                let v = slot[f.index]; return v < 0 ? nil : v
            }
            return (.canonical, failure)
        }
    }

    /// Keys written with escapes (rare): decode, then look up.
    private func matchEscaped(_ k: Int, _ v: Int, _ slot: UnsafeMutableBufferPointer<Int>, _ n: Int) {
        let bytes = Array(tape.string(k).utf8)
        // SAFETY: the key's bytes are read by `lookup` only during the closure.
        guard let a = bytes.withUnsafeBytes({ CanonicalField.aliasTable.lookup($0) }) else { return }
        if a.rank <= slot[n + a.field] { slot[a.field] = v; slot[n + a.field] = a.rank }
    }

    /// Assembles a record from located field nodes (shared by canonical and mapped input)
    /// into `r`; nil, or why the line is malformed.
    func build(into r: inout RequestRecord, _ at: (CanonicalField) -> Int?) -> MalformedKind? {
        let t = tape
        let ts = at(.ts), account = at(.account), apiKey = at(.apiKey), org = at(.org), ip = at(.ip)
        let userAgent = at(.userAgent), tls = at(.tls), model = at(.model), endpoint = at(.endpoint), status = at(.status)
        let inputTokens = at(.inputTokens), outputTokens = at(.outputTokens), maxTokens = at(.maxTokens)
        let stopReason = at(.stopReason), latency = at(.latency), system = at(.system), messages = at(.messages)
        let tools = at(.tools), prompt = at(.prompt), usage = at(.usage)
        let accountNode: Int
        switch identifierNode(account) {
        case .success(let a)?: accountNode = a
        case .failure(let k)?: return k
        case nil: return .missingAccount
        }
        let time: Int64
        switch timestamp(ts) {
        case .success(let v): time = v
        case .failure(let k): return k
        }
        // The few-valued fields are all set below, each left as it is when it holds the
        // same interned string already.
        r.resetKeepingFewValued(timestamp: time)
        appendIdentifier(accountNode, to: &r.accountUTF8)
        r.apiKey = text(apiKey, intern: false)
        setText(&r.org, org)
        r.ip = text(ip, limit: 64, intern: false).map(Self.firstForwardedAddress)
        setText(&r.userAgent, userAgent)
        setText(&r.tlsFingerprint, tls, limit: 128)
        setText(&r.model, model, limit: 128)
        setText(&r.endpoint, endpoint, limit: 128)
        if let s = status {
            if t.kind(s) == .number || t.kind(s) == .string, let code = t.int(s) {
                r.status = code
                r.failed = code >= 400 || code == 0
            } else if let word = text(s, limit: 32)?.lowercased() {
                r.failed = word == "failure" || word == "error" || word == "failed"
            }
        }
        var usageIn: Int?, usageOut: Int?
        if let u = usage, t.kind(u) == .object {
            usageIn = (t.member(u, "input_tokens") ?? t.member(u, "prompt_tokens")).flatMap(t.int)
            usageOut = (t.member(u, "output_tokens") ?? t.member(u, "completion_tokens")).flatMap(t.int)
        }
        r.inputTokens = inputTokens.flatMap(t.int) ?? usageIn
        r.outputTokens = outputTokens.flatMap(t.int) ?? usageOut
        r.maxTokens = maxTokens.flatMap(t.int)
        setText(&r.stopReason, stopReason, limit: 64)
        r.latencyMs = latency.flatMap(t.int)
        guard options.extractText else { return nil }
        let limit = options.maxPromptBytes
        if let msgs = messages, t.kind(msgs) == .array { MessageExtraction.read(t, messages: msgs, limit: limit, systemLimit: options.maxSystemBytes, into: &r) }
        if r.userTurns == 0, let p = prompt {
            MessageExtraction.setText(t, p, limit: limit, &r.promptUTF8)
            if !r.promptUTF8.isEmpty { r.userTurns = 1 }
        }
        if let s = system { MessageExtraction.setText(t, s, limit: options.maxSystemBytes, &r.systemUTF8) }
        if let tl = tools, t.kind(tl) == .array { MessageExtraction.toolNames(t, tl, into: &r.toolNames) }
        return nil
    }

    /// `X-Forwarded-For` style lists: the first address is the client.
    static func firstForwardedAddress(_ s: String) -> String {
        // Runs per record: the bytes are tested in place (a UTF-8 view walk costs more).
        guard s.withUTF8Bytes({ $0.contains(UInt8(ascii: ",")) }), let comma = s.firstIndex(of: ",") else { return s }
        return String(s[..<comma]).trimmingCharacters(in: " ")
    }
}

extension String {
    func trimmingCharacters(in set: String) -> String {
        var s = Substring(self)
        while let f = s.first, set.contains(f) { s.removeFirst() }
        while let l = s.last, set.contains(l) { s.removeLast() }
        return String(s)
    }
}
