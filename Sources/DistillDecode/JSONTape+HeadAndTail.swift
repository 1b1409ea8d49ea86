/// Long texts kept by both ends: an instruction around a long payload (a dataset question,
/// pasted context) is as often at the end of a prompt as at its start, and a text cut at
/// its first `limit` bytes loses the closing instruction that families and intent rules
/// look for.
extension JSONTape {
    /// The decoded text of a string node; beyond `limit` UTF-8 bytes, its first three
    /// quarters and last quarter of the limit joined by `String.gap`, at most `limit` bytes in all (cut on
    /// character boundaries).
    package func headAndTail(_ i: Int, limit: Int) -> String {
        let n = _unsafeNodes[i]
        guard n.kind == .string else { return "" }
        let r = _unsafeRaw(i)
        // The raw body is never shorter than the decoded text.
        guard r.count > limit else { return string(i, limit: limit) }
        let tailBudget = limit / 4
        // A limit too small to hold the gap (`max_system_bytes` may be 0) is a plain cut: a negative head budget trapped.
        guard limit - tailBudget - String.gap.utf8.count >= 0 else { return string(i, limit: limit) }
        let head = string(i, limit: limit - tailBudget - String.gap.utf8.count)
        // Start the tail where no escape sequence can be under way: after a literal space,
        // or at a UTF-8 lead byte (neither ever occurs inside `\n` or `\uXXXX`).
        var start = r.count - tailBudget
        // SAFETY: every `r[start]` read and the `rest` slice are behind `start < r.count`, and `start >= 0` (`r.count > limit >= tailBudget`).
        while start < r.count && r[start] != 0x20 && r[start] < 0xC2 { start += 1 }
        if start < r.count && r[start] == 0x20 { start += 1 }
        guard start < r.count else { return head }
        let rest = UnsafeRawBufferPointer(rebasing: r[start...])
        let tail = n.escaped ? JSONStringDecoder.decode(rest, limit: tailBudget) : String(decoding: rest, as: UTF8.self).utf8Prefix(tailBudget)
        return head + String.gap + tail
    }
}

/// The same texts as UTF-8 appended to a byte buffer, with no `String` between: the
/// decoders fill a reused record's buffers (`RequestRecord.promptUTF8`), and a long system
/// prompt on every request made a head, a tail and their join (three allocations).
extension JSONTape {
    /// Appends the UTF-8 of `string(i, limit:)`.
    package func appendString(_ i: Int, limit: Int, to bytes: inout [UInt8]) {
        let n = _unsafeNodes[i]
        guard n.kind == .string else { return }
        let r = _unsafeRaw(i)
        if n.escaped {
            JSONStringDecoder.append(r, limit: limit, to: &bytes)
            return
        }
        var cut = r.count
        if cut > limit {
            cut = max(limit, 0)
            // SAFETY: `r.count > limit >= cut >= 0` here, so `r[cut]` lies in `r`.
            while cut > 0 && (r[cut] & 0xC0) == 0x80 { cut -= 1 }
        }
        // SAFETY: `cut <= r.count`; the line's bytes are plain bytes, validated UTF-8 by the parser, alive while the tape is read.
        bytes.append(contentsOf: UnsafeRawBufferPointer(rebasing: r[0..<cut]).assumingMemoryBound(to: UInt8.self))
    }

    /// Appends the UTF-8 of `headAndTail(i, limit:)`.
    package func appendHeadAndTail(_ i: Int, limit: Int, to bytes: inout [UInt8]) {
        let n = _unsafeNodes[i]
        guard n.kind == .string else { return }
        let r = _unsafeRaw(i)
        let tailBudget = limit / 4
        let gap = String.gap.utf8
        guard r.count > limit, limit - tailBudget - gap.count >= 0 else { return appendString(i, limit: limit, to: &bytes) }
        appendString(i, limit: limit - tailBudget - gap.count, to: &bytes)
        // The tail starts where `headAndTail`'s does (see there).
        var start = r.count - tailBudget
        // SAFETY: every `r[start]` read is behind `start < r.count`, and `start >= 0` (`r.count > limit >= tailBudget`).
        while start < r.count && r[start] != 0x20 && r[start] < 0xC2 { start += 1 }
        if start < r.count && r[start] == 0x20 { start += 1 }
        guard start < r.count else { return }
        bytes.append(contentsOf: gap)
        let rest = UnsafeRawBufferPointer(rebasing: r[start...])
        if n.escaped {
            JSONStringDecoder.append(rest, limit: tailBudget, to: &bytes)
            return
        }
        // Whole: it starts at or after `r.count - tailBudget`, so it fits (the `String`'s
        // cut to `tailBudget` never cuts). It starts at a space or a lead byte.
        // SAFETY: a slice of the line (validated UTF-8), alive while the tape is read.
        bytes.append(contentsOf: rest.assumingMemoryBound(to: UInt8.self))
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
