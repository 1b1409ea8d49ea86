import DistillSupport

/// Reads chat-style `messages` lists and content blocks, shared by every format.
enum MessageExtraction {
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

    /// Replaces `bytes` with the UTF-8 of content `v` exactly as `text` reads it. The
    /// usual shapes (a string, or one text block) are copied from the line, or decoded
    /// into place when escaped, with no `String` between; several blocks, and blocks with
    /// nested `content`, go through `text`.
    static func setText(_ t: JSONTape, _ v: Int, limit: Int, _ bytes: inout [UInt8]) {
        bytes.emptyKeepingCapacity()
        switch t.kind(v) {
        case .string: t.appendHeadAndTail(v, limit: limit, to: &bytes)
        case .array:
            // The one piece with a non-empty raw body, if there is exactly one and `text`
            // would read it as a string node: the others read as "" and add nothing (a
            // piece may read as "" too, under a limit smaller than its first character,
            // in both readings).
            var piece = -1, pieces = 0, nested = false
            t.forEachElement(v) { e in
                switch t.kind(e) {
                case .string:
                    if !t._unsafeRaw(e).isEmpty { piece = e; pieces += 1 }
                case .object:
                    if let tx = t.member(e, "text"), t.kind(tx) == .string {
                        if !t._unsafeRaw(tx).isEmpty { piece = tx; pieces += 1 }
                    } else if t.member(e, "content") != nil {
                        nested = true
                    }
                default: break
                }
            }
            if nested || pieces > 1 {
                bytes.append(contentsOf: text(t, v, limit: limit).utf8)
            } else if pieces == 1 {
                t.appendHeadAndTail(piece, limit: limit, to: &bytes)
            }
        case .object:
            if let tx = t.member(v, "text") { setText(t, tx, limit: limit, &bytes) }
        default: break
        }
    }

    /// Replaces `bytes` with the text of string node `i` as `JSONTape.string(_:limit:)`
    /// makes it (a plain cut, not a head and tail).
    static func setPlainText(_ t: JSONTape, _ i: Int, limit: Int, _ bytes: inout [UInt8]) {
        bytes.emptyKeepingCapacity()
        t.appendString(i, limit: limit, to: &bytes)
    }

    /// Walks a messages array into `r`: the latest user turn is the prompt, the first
    /// `system` role message (OpenAI shape) with text is the system prompt, and the turns
    /// are counted.
    static func read(_ t: JSONTape, messages: Int, limit: Int, systemLimit: Int, into r: inout RequestRecord) {
        var lastUser: Int?
        var userTurns = 0, assistantTurns = 0
        r.systemUTF8.emptyKeepingCapacity()
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
                if r.systemUTF8.isEmpty, let c = t.member(m, "content") { setText(t, c, limit: systemLimit, &r.systemUTF8) }
            }
        }
        r.promptUTF8.emptyKeepingCapacity()
        if let m = lastUser, let c = t.member(m, "content") { setText(t, c, limit: limit, &r.promptUTF8) }
        r.userTurns = userTurns
        r.assistantTurns = assistantTurns
    }

    /// Replaces `names` with the tool names of `[{"name":…}]`, `[{"function":{"name":…}}]`
    /// or `[{"toolSpec":{"name":…}}]` (at most 64).
    static func toolNames(_ t: JSONTape, _ tools: Int, into names: inout [String]) {
        names.emptyKeepingCapacity()
        t.forEachElement(tools) { e in
            guard t.kind(e) == .object, names.count < 64 else { return }
            if let n = t.member(e, "name"), t.kind(n) == .string {
                names.append(t.string(n, limit: 128))
            } else if let f = t.member(e, "function") ?? t.member(e, "toolSpec"), let n = t.member(f, "name"), t.kind(n) == .string {
                names.append(t.string(n, limit: 128))
            }
        }
    }
}
