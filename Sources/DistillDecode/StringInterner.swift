#if canImport(Glibc)
import Glibc
#endif

/// Hands out one `String` per recent value of the few-valued text fields (models, user
/// agents, TLS fingerprints, endpoints, organisations): a value seen before costs a hash
/// and a byte comparison instead of an allocation, and equal values share storage, so
/// the profile's later comparisons of them are pointer checks. One per decoder (thread);
/// direct-mapped, so a rare value only displaces another.
final class StringInterner {
    // Fixed buffers, not arrays: a class's array properties are checked for exclusive
    // access at run time on every use, and this is used for several fields per request.
    private let strings: UnsafeMutableBufferPointer<String>
    private let hashes: UnsafeMutableBufferPointer<UInt64>
    private let mask: Int
    /// Values shorter than this are stored inline in a `String` (nothing to share).
    static let minBytes = 16

    init(slots: Int = 2048) {
        precondition(slots > 0 && slots & (slots - 1) == 0, "interner slots must be a power of two")
        strings = .allocate(capacity: slots)
        strings.initialize(repeating: "")
        hashes = .allocate(capacity: slots)
        hashes.initialize(repeating: 0)
        mask = slots - 1
    }

    deinit {
        strings.deinitialize().deallocate()
        hashes.deallocate()
    }

    /// The string of `raw` exactly as `String(decoding:as:)` makes it.
    func string(_ raw: UnsafeRawBufferPointer) -> String {
        let h = Self.hash(raw)
        let b = Int(truncatingIfNeeded: h >> 7) & mask
        if hashes[b] == h {
            let same = strings[b].utf8.withContiguousStorageIfAvailable { s in
                s.count == raw.count && memcmp(s.baseAddress!, raw.baseAddress!, raw.count) == 0
            } ?? false
            if same { return strings[b] }
        }
        let s = String(decoding: raw, as: UTF8.self)
        strings[b] = s
        hashes[b] = h
        return s
    }

    /// A quick hash of the bytes, eight at a time (collisions only cost a miss).
    static func hash(_ raw: UnsafeRawBufferPointer) -> UInt64 {
        var h = UInt64(raw.count) &* 0x9E37_79B9_7F4A_7C15
        var i = 0
        while i + 8 <= raw.count {
            h = (h ^ raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)) &* 0xFF51_AFD7_ED55_8CCD
            h ^= h >> 29
            i += 8
        }
        if i < raw.count {
            var tail: UInt64 = 0
            for k in i..<raw.count { tail = tail << 8 | UInt64(raw[k]) }
            h = (h ^ tail) &* 0xC4CE_B9FE_1A85_EC53
        }
        return h ^ (h >> 32)
    }
}
