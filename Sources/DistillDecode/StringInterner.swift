import DistillSupport

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
    // SAFETY: both buffers are owned by the interner (`slots` elements, initialized in `init`, deinitialized and freed in `deinit`); one interner per decoder, never used by two threads.
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
        // SAFETY: `b = ... & mask` is below `slots`, the count of both buffers.
        let b = Int(truncatingIfNeeded: h >> 7) & mask
        if hashes[b] == h {
            // SAFETY: memcmp reads `raw.count` bytes from each side only once the counts are equal; both bases are non-nil (the stored string's UTF-8 and a slice of a parsed line of at least `minBytes`).
            let same =
                strings[b].utf8.withContiguousStorageIfAvailable { s in
                    s.count == raw.count && memcmp(s.baseAddress!, raw.baseAddress!, raw.count) == 0
                } ?? false
            if same { return strings[b] }
        }
        let s = String(decoding: raw, as: UTF8.self)
        strings[b] = s
        hashes[b] = h
        return s
    }

    /// The bucket hash of the bytes (`StableHash`: collisions only cost a miss).
    @inline(__always)
    static func hash(_ raw: UnsafeRawBufferPointer) -> UInt64 { StableHash.bytes(raw) }
}
