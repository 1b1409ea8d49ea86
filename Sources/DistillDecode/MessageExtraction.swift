/// Reads chat-style `messages` lists and content blocks, shared by every format.
struct MessageExtraction {
    var prompt = ""
    var system = ""
    var userTurns = 0
    var assistantTurns = 0

    /// Text of a content value: a string, a list of blocks (`{"type":"text","text":…}`,
    /// Converse `{"text":…}`), or a single block object. Beyond `limit` bytes, the start
    /// and the end are kept (`headAndTail`): the last block counts as the end.
    static func text(_ t: JSONTape, _ v: Int, limit: Int) -> String {
        switch t.kind(v) {
        case .string: return t.headAndTail(v, limit: limit)
        case .array:
            var out = "", last = ""
            t.forEachElement(v) { e in
                let piece: String
                switch t.kind(e) {
                case .string: piece = t.headAndTail(e, limit: limit)
                case .object:
                    if let tx = t.member(e, "text"), t.kind(tx) == .string {
                        piece = t.headAndTail(tx, limit: limit)
                    } else if let c = t.member(e, "content") {
                        piece = text(t, c, limit: limit)
                    } else {
                        piece = ""
                    }
                default: piece = ""
                }
                if piece.isEmpty { return }
                // A single text block (the usual case) is returned as decoded, not copied;
                // past the limit only the latest block is kept, as the end.
                if out.utf8.count > limit { last = piece; return }
                if out.isEmpty { out = piece } else { out += "\n"; out += piece }
            }
            if !last.isEmpty, limit - limit / 4 - String.gap.utf8.count >= 0 { return out.utf8Prefix(limit - limit / 4 - String.gap.utf8.count) + String.gap + last.suffixUTF8(limit / 4) }
            return out.utf8HeadAndTail(limit)
        case .object:
            if let tx = t.member(v, "text") { return text(t, tx, limit: limit) }
            return ""
        default: return ""
        }
    }

    /// Walks a messages array: the latest user turn is the prompt, `system` role
    /// messages (OpenAI shape) form the system prompt.
    mutating func read(_ t: JSONTape, messages: Int, limit: Int, systemLimit: Int) {
        var lastUser: Int?
        t.forEachElement(messages) { m in
            guard t.kind(m) == .object else { return }
            // Compare the role's bytes; no String per message.
            guard let roleNode = t.member(m, "role"), t.kind(roleNode) == .string, !t._unsafeNodes[roleNode].escaped else {
                userTurns += 1
                lastUser = m
                return
            }
            let role = t._unsafeRaw(roleNode)
            if RecordDecoder.same(role, "user") || RecordDecoder.same(role, "human") {
                userTurns += 1
                lastUser = m
            } else if RecordDecoder.same(role, "assistant") || RecordDecoder.same(role, "model") || RecordDecoder.same(role, "ai") {
                assistantTurns += 1
            } else if RecordDecoder.same(role, "system") || RecordDecoder.same(role, "developer") {
                if system.isEmpty, let c = t.member(m, "content") { system = Self.text(t, c, limit: systemLimit) }
            }
        }
        if let m = lastUser, let c = t.member(m, "content") { prompt = Self.text(t, c, limit: limit) }
    }

    /// Tool names from `[{"name":…}]`, `[{"function":{"name":…}}]` or `[{"toolSpec":{"name":…}}]`.
    static func toolNames(_ t: JSONTape, _ tools: Int) -> [String] {
        var names: [String] = []
        t.forEachElement(tools) { e in
            guard t.kind(e) == .object, names.count < 64 else { return }
            if let n = t.member(e, "name"), t.kind(n) == .string {
                names.append(t.string(n, limit: 128))
            } else if let f = t.member(e, "function") ?? t.member(e, "toolSpec"), let n = t.member(f, "name"), t.kind(n) == .string {
                names.append(t.string(n, limit: 128))
            }
        }
        return names
    }
}
