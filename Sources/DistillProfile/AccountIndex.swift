import DistillDecode
import DistillSupport

/// Account id → profile position, looked up once per request: open addressing on the
/// id's `StableHash`, so a lookup hashes the id's bytes once with a fast hash (not
/// SipHash) and compares ids only when the full 64-bit hashes agree.
struct AccountIndex {
    /// Full hash of the id in each bucket (0 marks an empty bucket; a real 0 is stored as 1).
    private var hashes: [UInt64]
    /// Profile position of each bucket's id.
    private var positions: [Int32]
    private var mask: Int
    private(set) var count = 0

    /// Buckets of a new index. Small: a shared state keeps one index per partition (256),
    /// and a lookup per request finds its bucket cold. The table doubles at half full, so
    /// a partition's few dozen accounts (x1: ~45) stay in 64 or 128 buckets (a line or two
    /// of hashes) rather than a bigger start spreading them over more lines.
    static let initialBuckets = 64

    init() {
        hashes = [UInt64](repeating: 0, count: Self.initialBuckets)
        positions = [Int32](repeating: 0, count: Self.initialBuckets)
        mask = Self.initialBuckets - 1
    }

    /// The hash a lookup of `id` starts from.
    @inline(__always)
    static func hash(_ id: String) -> UInt64 {
        // SAFETY: the UTF-8 is read only inside the closure.
        id.withUTF8Bytes { hash(utf8: $0) }
    }

    /// `hash(_:)` of the id whose UTF-8 is `id`.
    @inline(__always)
    static func hash(utf8 id: UnsafeRawBufferPointer) -> UInt64 {
        let h = StableHash.bytes(id, seed: 9)
        return h == 0 ? 1 : h
    }

    /// `hash(_:)` of the id whose UTF-8 is `id`.
    @inline(__always)
    static func hash(utf8 id: [UInt8]) -> UInt64 {
        // SAFETY: the bytes are read only inside the closure.
        id.withUnsafeBytes { hash(utf8: $0) }
    }

    /// Whether `id` is the id whose UTF-8 is `utf8`.
    @inline(__always)
    static func same(_ id: String, _ utf8: [UInt8]) -> Bool {
        // SAFETY: both sides are read only inside the closures.
        id.withUTF8Bytes { a in utf8.withUnsafeBytes { a.hasSameBytes(as: $0) } }
    }

    /// The position stored for the id with hash `h`, where `isID(position)` confirms it is that id.
    @inline(__always)
    func position(hash h: UInt64, isID: (Int) -> Bool) -> Int? {
        var b = Int(truncatingIfNeeded: h) & mask
        while true {
            let stored = hashes[b]
            if stored == 0 { return nil }
            if stored == h && isID(Int(positions[b])) { return Int(positions[b]) }
            b = (b + 1) & mask
        }
    }

    /// Stores `position` for a new id with hash `h` (not already present).
    mutating func insert(hash h: UInt64, position: Int) {
        if (count + 1) * 2 > hashes.count { grow() }
        var b = Int(truncatingIfNeeded: h) & mask
        while hashes[b] != 0 { b = (b + 1) & mask }
        hashes[b] = h
        positions[b] = Int32(position)
        count += 1
    }

    private mutating func grow() {
        let old = zip(hashes, positions).filter { $0.0 != 0 }
        hashes = [UInt64](repeating: 0, count: hashes.count * 2)
        positions = [Int32](repeating: 0, count: hashes.count)
        mask = hashes.count - 1
        count = 0
        for (h, p) in old { insert(hash: h, position: Int(p)) }
    }
}
