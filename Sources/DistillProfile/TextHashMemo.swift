import DistillSupport

/// `StableHash.bytes` of long texts that repeat, remembered: a client sends the same
/// system prompt with every request (a kilobyte hashed 8 bytes at a time on a multiply
/// chain), and comparing it with the text seen last costs a fraction of that. A few
/// direct-mapped slots, by length and first word; a text is hashed afresh whenever its
/// bytes differ, so the hash is always the text's own.
struct TextHashMemo {
    /// Texts shorter than this are hashed directly.
    static let minBytes = 128
    static let slots = 4
    private var texts = [[UInt8]](repeating: [], count: slots)
    private var hashes = [UInt64](repeating: 0, count: slots)

    /// `StableHash.bytes(text)`.
    mutating func hash(_ text: [UInt8]) -> UInt64 {
        // SAFETY (all): the arrays' bytes are read only inside the closures; the word load reads 8 of `text`'s at least `minBytes` bytes.
        guard text.count >= Self.minBytes else { return text.withUnsafeBytes { StableHash.bytes($0) } }
        let first = text.withUnsafeBytes { $0.loadUnaligned(as: UInt64.self) }
        let slot = Int(truncatingIfNeeded: (first ^ UInt64(text.count)) % UInt64(Self.slots))
        let known = texts[slot].withUnsafeBytes { k in text.withUnsafeBytes { k.hasSameBytes(as: $0) } }
        if known { return hashes[slot] }
        let h = text.withUnsafeBytes { StableHash.bytes($0) }
        texts[slot] = text
        hashes[slot] = h
        return h
    }
}
