import DistillSupport

#if canImport(Glibc)
import Glibc
#endif

/// Hands out one `String` per recent value of the few-valued text fields (models, user
/// agents, TLS fingerprints, endpoints, organisations, stop reasons): a value seen before
/// costs a few word loads and compares instead of a UTF-8 validation (and, past 15 bytes,
/// an allocation), and equal values share storage, so the profile's later comparisons of
/// them are pointer checks. One per decoder (thread); direct-mapped, so a rare value only
/// displaces another.
final class StringInterner {
    /// A value's bytes as its length and four words: up to `wordBytes` bytes, loads at
    /// fixed offsets for the length that together cover every byte, so equal keys mean
    /// equal bytes; longer values keep their hash in `w0` and are compared byte by byte.
    struct Key: Equatable {
        var w0: UInt64 = 0, w1: UInt64 = 0, w2: UInt64 = 0, w3: UInt64 = 0
        /// -1 in an empty slot (no value has that length).
        var length = -1
    }

    /// Values up to this length are keyed by their bytes alone.
    static let wordBytes = 32

    // Fixed buffers, not arrays: a class's array properties are checked for exclusive
    // access at run time on every use, and this is used for several fields per request.
    // SAFETY: both buffers are owned by the interner (`slots` elements, initialized in `init`, deinitialized and freed in `deinit`); one interner per decoder, never used by two threads.
    private let strings: UnsafeMutableBufferPointer<String>
    private let keys: UnsafeMutableBufferPointer<Key>
    private let mask: Int

    init(slots: Int = 2048) {
        precondition(slots > 0 && slots & (slots - 1) == 0, "interner slots must be a power of two")
        strings = .allocate(capacity: slots)
        strings.initialize(repeating: "")
        keys = .allocate(capacity: slots)
        keys.initialize(repeating: Key())
        mask = slots - 1
    }

    deinit {
        strings.deinitialize().deallocate()
        keys.deallocate()
    }

    /// The string of `raw` exactly as `String(decoding:as:)` makes it.
    func string(_ raw: UnsafeRawBufferPointer) -> String {
        let (bucket, key, hit) = lookup(raw)
        // SAFETY: `bucket` is below `slots`, the count of both buffers (see `lookup`).
        return hit ? strings[bucket] : refill(bucket, key, raw)
    }

    /// Sets `target` to `string(raw)`, leaving it untouched when it already holds that
    /// very string (the same storage, so the same bytes): the record is reused, and a
    /// client's few-valued fields mostly repeat from one request to the next, so this
    /// spares a retain of the new value and a release of the old per field.
    func assign(_ raw: UnsafeRawBufferPointer, to target: inout String?) {
        let (bucket, key, hit) = lookup(raw)
        guard hit else {
            target = refill(bucket, key, raw)
            return
        }
        // SAFETY: `bucket` is below `slots`, the count of both buffers (see `lookup`).
        if let t = target, Self.isSameStorage(t, strings[bucket]) { return }
        target = strings[bucket]
    }

    /// The bucket of `raw`'s bytes, their key, and whether the bucket holds them.
    @inline(__always)
    private func lookup(_ raw: UnsafeRawBufferPointer) -> (bucket: Int, key: Key, hit: Bool) {
        let n = raw.count
        let key = n <= Self.wordBytes ? Self.key(raw) : Key(w0: StableHash.bytes(raw), length: n)
        // SAFETY: `b = ... & mask` is below `slots`, the count of both buffers.
        let b = Int(truncatingIfNeeded: Self.mix(key) >> 7) & mask
        guard keys[b] == key else { return (b, key, false) }
        if n <= Self.wordBytes { return (b, key, true) }
        // SAFETY: memcmp reads `n` bytes from each side only once the counts are equal; both bases are non-nil (the stored string's UTF-8 and a slice of a parsed line of more than `wordBytes` bytes).
        let same =
            strings[b].utf8.withContiguousStorageIfAvailable { s in
                s.count == n && memcmp(s.baseAddress!, raw.baseAddress!, n) == 0
            } ?? false
        return (b, key, same)
    }

    /// Decodes `raw` into `bucket` (a miss there), replacing what it held.
    @inline(__always)
    private func refill(_ bucket: Int, _ key: Key, _ raw: UnsafeRawBufferPointer) -> String {
        let s = String(decoding: raw, as: UTF8.self)
        // SAFETY: `bucket` is below `slots`, the count of both buffers (see `lookup`).
        strings[bucket] = s
        keys[bucket] = key
        return s
    }

    /// Whether two strings are one value: the same two words, so the same storage (or the
    /// same small string's bytes). Equal strings of other storage read as different, and
    /// `==` would not do: it equates canonically equivalent strings of different bytes.
    @inline(__always)
    static func isSameStorage(_ a: String, _ b: String) -> Bool {
        // SAFETY: a `String` is two words on the 64-bit targets distillscan builds for (checked); its bits are only compared, never used as a reference.
        precondition(MemoryLayout<String>.size == 16, "a String is two words")
        return unsafeBitCast(a, to: (UInt64, UInt64).self) == unsafeBitCast(b, to: (UInt64, UInt64).self)
    }

    /// The key of a value of at most `wordBytes` bytes.
    @inline(__always)
    static func key(_ raw: UnsafeRawBufferPointer) -> Key {
        let n = raw.count
        // SAFETY: every load lies in `raw`: 8-byte loads at 0, 8, `n - 16` and `n - 8` only when `n` is at least 8 (16 for the middle pair), 4-byte loads at 0 and `n - 4` when `n >= 4`, single bytes below `n`.
        @inline(__always) func word(_ at: Int) -> UInt64 { UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: at, as: UInt64.self)) }
        if n >= 16 { return Key(w0: word(0), w1: word(8), w2: word(n - 16), w3: word(n - 8), length: n) }
        if n >= 8 { return Key(w0: word(0), w3: word(n - 8), length: n) }
        if n >= 4 {
            let lo = UInt64(UInt32(littleEndian: raw.loadUnaligned(as: UInt32.self)))
            let hi = UInt64(UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: n - 4, as: UInt32.self)))
            return Key(w0: lo | hi << 32, length: n)
        }
        var w: UInt64 = 0
        for i in 0..<n { w |= UInt64(raw[i]) << (8 * UInt64(i)) }
        return Key(w0: w, length: n)
    }

    /// The bucket hash of a key (collisions only cost a miss).
    @inline(__always)
    static func mix(_ k: Key) -> UInt64 {
        var h = (k.w0 ^ UInt64(truncatingIfNeeded: k.length)) &* 0x9E37_79B9_7F4A_7C15
        h ^= k.w1 &* 0xC2B2_AE3D_27D4_EB4F
        h ^= k.w2 &* 0x1656_67B1_9E37_79F9
        h ^= k.w3 &* 0x85EB_CA77_C2B2_AE63
        return h ^ (h >> 29)
    }

    /// The bucket hash of the bytes.
    static func hash(_ raw: UnsafeRawBufferPointer) -> UInt64 {
        mix(raw.count <= wordBytes ? key(raw) : Key(w0: StableHash.bytes(raw), length: raw.count))
    }
}
