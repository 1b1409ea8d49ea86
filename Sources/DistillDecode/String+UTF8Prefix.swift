extension String {
    /// At most `limit` UTF-8 bytes of the string, cut on a character boundary.
    package func utf8Prefix(_ limit: Int) -> String {
        guard utf8.count > limit else { return self }
        var s = self
        // SAFETY: the UTF-8 is read only inside `withUTF8`.
        return s.withUTF8 { String(validUTF8: $0, prefix: limit) }
    }

    /// At most `limit` bytes of the valid UTF-8 `bytes`, cut as `utf8Prefix` cuts: the
    /// profile pass keeps a prefix of a request's text without first making a string of
    /// the whole text (a prompt may be many kilobytes; its sample keeps a few hundred bytes).
    package init(validUTF8 bytes: UnsafeBufferPointer<UInt8>, prefix limit: Int) {
        let cut = UnsafeRawBufferPointer(bytes).utf8PrefixCount(limit)
        // SAFETY: `cut <= bytes.count`, so the slice lies in `bytes`.
        self.init(decoding: UnsafeBufferPointer(rebasing: bytes[0..<cut]), as: UTF8.self)
    }
}

extension UnsafeRawBufferPointer {
    /// How many of these UTF-8 bytes a cut at `limit` keeps: all when they fit, else up to
    /// the last character (scalar) boundary at or before `limit`.
    @inline(__always)
    package func utf8PrefixCount(_ limit: Int) -> Int {
        guard count > limit else { return count }
        var cut = Swift.max(limit, 0)
        // SAFETY: `count > limit`, so `self[cut]` with `0 <= cut <= limit` lies in the buffer.
        while cut > 0 && (self[cut] & 0xC0) == 0x80 { cut -= 1 }
        return cut
    }
}
