extension String {
    /// At most `limit` UTF-8 bytes of the string, cut on a character boundary.
    package func utf8Prefix(_ limit: Int) -> String {
        guard utf8.count > limit else { return self }
        var s = self
        return s.withUTF8 { u in
            var cut = limit
            while cut > 0 && (u[cut] & 0xC0) == 0x80 { cut -= 1 }
            return String(decoding: UnsafeBufferPointer(rebasing: u[0..<cut]), as: UTF8.self)
        }
    }
}
