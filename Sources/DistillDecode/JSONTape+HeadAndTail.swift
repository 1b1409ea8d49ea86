/// Long texts kept by both ends: an instruction around a long payload (a dataset question,
/// pasted context) is as often at the end of a prompt as at its start, and a text cut at
/// its first `limit` bytes loses the closing instruction that families and intent rules
/// look for.
extension JSONTape {
    /// The decoded text of a string node; beyond `limit` UTF-8 bytes, its first three
    /// quarters and last quarter of the limit joined by `String.gap`, at most `limit` bytes in all (cut on
    /// character boundaries). (Read as bytes by the decoders: `appendHeadAndTail`.)
    package func headAndTail(_ i: Int, limit: Int) -> String {
        var bytes: [UInt8] = []
        appendHeadAndTail(i, limit: limit, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends the UTF-8 of `headAndTail(i, limit:)`, with no `String` between: the
    /// decoders fill a reused record's buffers (`RequestRecord.promptUTF8`), and a long
    /// system prompt on every request made a head, a tail and their join.
    package func appendHeadAndTail(_ i: Int, limit: Int, to bytes: inout [UInt8]) {
        let n = _unsafeNodes[i]
        guard n.kind == .string else { return }
        let r = _unsafeRaw(i)
        let tailBudget = limit / 4
        let gap = String.gap.utf8
        // The raw body is never shorter than the decoded text. A limit too small to hold
        // the gap (`max_system_bytes` may be 0) is a plain cut: a negative head budget trapped.
        guard r.count > limit, limit - tailBudget - gap.count >= 0 else { return appendString(i, limit: limit, to: &bytes) }
        appendString(i, limit: limit - tailBudget - gap.count, to: &bytes)
        // Start the tail where no escape sequence can be under way: after a literal space,
        // or at a UTF-8 lead byte (neither ever occurs inside `\n` or `\uXXXX`).
        var start = r.count - tailBudget
        // SAFETY: every `r[start]` read and the `rest` slice are behind `start < r.count`, and `start >= 0` (`r.count > limit >= tailBudget`).
        while start < r.count && r[start] != 0x20 && r[start] < 0xC2 { start += 1 }
        if start < r.count && r[start] == 0x20 { start += 1 }
        guard start < r.count else { return }
        bytes.append(contentsOf: gap)
        let rest = UnsafeRawBufferPointer(rebasing: r[start...])
        if n.escaped {
            JSONStringDecoder.append(rest, limit: tailBudget, to: &bytes)
        } else {
            // Whole: it starts at or after `r.count - tailBudget`, so it fits the budget.
            Self.append(rest, to: &bytes)
        }
    }

    /// Appends the UTF-8 of `string(i, limit:)`.
    package func appendString(_ i: Int, limit: Int, to bytes: inout [UInt8]) {
        let n = _unsafeNodes[i]
        guard n.kind == .string else { return }
        let r = _unsafeRaw(i)
        if n.escaped {
            JSONStringDecoder.append(r, limit: limit, to: &bytes)
        } else {
            Self.append(UnsafeRawBufferPointer(rebasing: r[0..<r.utf8PrefixCount(limit)]), to: &bytes)
        }
    }

    /// Appends bytes of the parsed line (validated UTF-8) to `bytes`.
    @inline(__always)
    static func append(_ raw: UnsafeRawBufferPointer, to bytes: inout [UInt8]) {
        // SAFETY: the line's memory is bound to `UInt8` only for the copy.
        raw.withMemoryRebound(to: UInt8.self) { bytes.append(contentsOf: $0) }
    }
}

extension String {
    /// What stands between the kept start and end of a long text.
    package static let gap = " … "

    /// The string itself when at most `limit` UTF-8 bytes; else its first three quarters
    /// and last quarter of the limit joined by `" … "`, cut on character boundaries.
    package func utf8HeadAndTail(_ limit: Int) -> String {
        guard utf8.count > limit else { return self }
        let tailBudget = limit / 4
        // Too small a limit to hold the gap is a plain cut (a negative head budget trapped).
        guard limit - tailBudget - Self.gap.utf8.count >= 0 else { return utf8Prefix(limit) }
        return utf8Prefix(limit - tailBudget - Self.gap.utf8.count) + Self.gap + suffixUTF8(tailBudget)
    }

    /// At most the last `limit` UTF-8 bytes of the string, cut on a character boundary.
    package func suffixUTF8(_ limit: Int) -> String {
        guard utf8.count > limit else { return self }
        var s = self
        return s.withUTF8 { u in
            var start = u.count - limit
            // SAFETY: `u.count > limit >= 0` (every caller passes a non-negative limit), so `0 < start <= u.count`; `u[start]` is read below `u.count` and the slice lies in `u`, valid inside `withUTF8`.
            while start < u.count && (u[start] & 0xC0) == 0x80 { start += 1 }
            return String(decoding: UnsafeBufferPointer(rebasing: u[start...]), as: UTF8.self)
        }
    }
}
