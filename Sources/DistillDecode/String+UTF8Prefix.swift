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
