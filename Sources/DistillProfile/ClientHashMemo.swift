import DistillSupport

/// `AccountProfile.clientHash` of the user agent and TLS fingerprint pairs seen lately,
/// remembered: a dump has a few hundred clients, and every request hashed its pair's
/// ~100 bytes again (with a retain and release of each string). The decoders intern
/// these fields, so a client's requests carry the very same strings; a direct-mapped
/// table keyed by the strings' identity (their two words) finds a repeat with a few
/// compares, where comparing bytes cost about as much as the hash. A pair is hashed
/// afresh whenever its strings are other ones (equal bytes in other storage included),
/// so the hash is always the pair's own.
struct ClientHashMemo {
    /// The table's size is 2^slotBits slots, picked by the key's top bits.
    static let slotBits = 10
    static let slots = 1 << slotBits
    private struct Entry {
        /// The strings' words (`words(_:)`): what a lookup compares.
        var userAgentWords: (UInt64, UInt64)
        var tlsWords: (UInt64, UInt64)
        var hash: UInt64
        /// The strings themselves, held so that their storage stays theirs: equal words
        /// then mean the same storage (or the same small-string bytes), so the same bytes.
        var userAgent: String?
        var tls: String?
    }
    /// Empty until the first request with a client: a profile state that is only a
    /// partition of a shared one (its workers keep their own memo) never fills it.
    private var entries: [Entry] = []

    /// `AccountProfile.clientHash(userAgent:tls:)`: nil when both are missing.
    mutating func hash(userAgent: String?, tls: String?) -> UInt64? {
        guard userAgent != nil || tls != nil else { return nil }
        if entries.isEmpty {
            let none = Self.words(nil)
            entries = Array(repeating: Entry(userAgentWords: none, tlsWords: none, hash: 0, userAgent: nil, tls: nil), count: Self.slots)
        }
        let u = Self.words(userAgent), t = Self.words(tls)
        let key = StableHash.mix(u.0 ^ u.1 &* 0x9E37_79B9_7F4A_7C15 ^ t.0 &* 0xC2B2_AE3D_27D4_EB4F ^ t.1)
        let slot = Int(truncatingIfNeeded: key >> UInt64(64 - Self.slotBits))
        // An empty slot holds two nils' words, which no pair with a string has.
        if entries[slot].userAgentWords == u && entries[slot].tlsWords == t { return entries[slot].hash }
        let h = AccountProfile.clientHash(userAgent ?? "", tls ?? "")
        entries[slot] = Entry(userAgentWords: u, tlsWords: t, hash: h, userAgent: userAgent, tls: tls)
        return h
    }

    /// The two words of an optional string (for a native string, its count and flags and
    /// its storage's address; a small string's bytes; nil's own pattern).
    @inline(__always)
    private static func words(_ s: String?) -> (UInt64, UInt64) {
        // SAFETY: reads the optional string's 16 bytes as two words, only to compare and slot them (nothing is read through them); `unsafeBitCast` checks the sizes agree.
        unsafeBitCast(s, to: (UInt64, UInt64).self)
    }
}
