extension String {
    /// At most `limit` UTF-8 bytes of the string, cut on a character boundary.
    package func utf8Prefix(_ limit: Int) -> String {
        guard utf8.count > limit else { return self }
        var s = self
        return s.withUTF8 { u in
            var cut = limit
            // SAFETY: `u.count > limit` (guard above), so `u[cut]` with `0 < cut <= limit` and the slice `0..<cut` lie in `u`, valid inside `withUTF8`.
            while cut > 0 && (u[cut] & 0xC0) == 0x80 { cut -= 1 }
            return String(decoding: UnsafeBufferPointer(rebasing: u[0..<cut]), as: UTF8.self)
        }
    }
}

extension String {
    /// At most `limit` bytes of the valid UTF-8 `bytes`, cut as `utf8Prefix` cuts: the
    /// profile pass keeps a prefix of a request's text without first making a string of
    /// the whole text (a prompt may be many kilobytes; its sample keeps a few hundred bytes).
    package init(validUTF8 bytes: UnsafeBufferPointer<UInt8>, prefix limit: Int) {
        var cut = bytes.count
        if bytes.count > limit {
            cut = Swift.max(0, limit)
            // SAFETY: `0 <= cut <= limit < bytes.count`, so `bytes[cut]` is in the buffer.
            while cut > 0 && (bytes[cut] & 0xC0) == 0x80 { cut -= 1 }
        }
        self.init(decoding: UnsafeBufferPointer(rebasing: bytes[0..<cut]), as: UTF8.self)
    }
}
