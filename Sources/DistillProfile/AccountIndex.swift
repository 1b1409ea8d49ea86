import DistillDecode
import DistillSupport

/// Account id → profile position, looked up once per request: open addressing on the
/// id's `StableHash`, so a lookup hashes the id's bytes once with a fast hash (not
/// SipHash) and compares ids only when the full 64-bit hashes agree.
///
/// A bucket holds the hash, the position, an id of up to 16 bytes and where the profile
/// lies in memory: the table is cold in cache at every request (requests come in time
/// order, accounts interleaved), and a lookup that reads one bucket waits for one place,
/// where reading the position, the stored id's `String` and the profile's addresses
/// waited for four. Longer ids are compared through `isID`.
struct AccountIndex {
    /// 0 marks an empty bucket (a real hash of 0 is stored as 1).
    private struct Bucket {
        var hash: UInt64 = 0
        var position: Int32 = 0
        /// The id's UTF-8 length; its bytes are in `key` when it is at most 16.
        var length: Int32 = 0
        var key = Key()
        var lines = AccountProfile.Lines()
    }

    /// Up to 16 bytes of an id, zero-padded.
    private struct Key: Equatable {
        var low: UInt64 = 0
        var high: UInt64 = 0
    }

    private var buckets: [Bucket]
    private var mask: Int
    private(set) var count = 0

    init() {
        buckets = [Bucket](repeating: Bucket(), count: 1024)
        mask = 1023
    }

    /// The hash a lookup of `id` starts from.
    @inline(__always)
    static func hash(_ id: String) -> UInt64 {
        let h = StableHash.string(id, seed: 9)
        return h == 0 ? 1 : h
    }

    /// The position of `id`, whose hash is `h`; `isID(position)` confirms an id longer
    /// than a bucket holds.
    @inline(__always)
    func position(of id: String, hash h: UInt64, isID: (Int) -> Bool) -> Int? {
        lookup(id, hash: h, isID: isID).map { Int($0.position) }
    }

    /// The position of `id` and where its profile lies (see `position(of:hash:isID:)`).
    @inline(__always)
    func lookup(_ id: String, hash h: UInt64, isID: (Int) -> Bool) -> (position: Int32, lines: AccountProfile.Lines)? {
        var b = Int(truncatingIfNeeded: h) & mask
        while true {
            let bucket = buckets[b]
            if bucket.hash == 0 { return nil }
            if bucket.hash == h && Self.matches(bucket, id, isID) { return (bucket.position, bucket.lines) }
            b = (b + 1) & mask
        }
    }

    /// Stores `position` for a new `id` with hash `h` (not already present).
    mutating func insert(_ id: String, hash h: UInt64, position: Int, lines: AccountProfile.Lines = .init()) {
        let (length, key) = Self.key(id)
        insert(Bucket(hash: h, position: Int32(position), length: length, key: key, lines: lines))
    }

    /// Records where the profile at `position` (whose id hashes to `h`) now lies.
    mutating func setLines(_ lines: AccountProfile.Lines, position: Int, hash h: UInt64) {
        var b = Int(truncatingIfNeeded: h) & mask
        while buckets[b].hash != 0 {
            if buckets[b].hash == h && buckets[b].position == Int32(position) {
                buckets[b].lines = lines
                return
            }
            b = (b + 1) & mask
        }
    }

    private mutating func insert(_ new: Bucket) {
        if (count + 1) * 2 > buckets.count { grow() }
        var b = Int(truncatingIfNeeded: new.hash) & mask
        while buckets[b].hash != 0 { b = (b + 1) & mask }
        buckets[b] = new
        count += 1
    }

    private static func matches(_ bucket: Bucket, _ id: String, _ isID: (Int) -> Bool) -> Bool {
        guard bucket.length <= 16 else { return isID(Int(bucket.position)) }
        let (length, key) = Self.key(id)
        return length == bucket.length && key == bucket.key
    }

    /// The id's UTF-8 length (saturated) and, when it is at most 16 bytes, its bytes.
    private static func key(_ id: String) -> (Int32, Key) {
        let n = id.utf8.count
        guard n <= 16 else { return (Int32(clamping: n), Key()) }
        var key = Key()
        // SAFETY: at most 16 bytes are copied into the 16 bytes of `key` (`n <= 16`), from the id's own UTF-8.
        withUnsafeMutableBytes(of: &key) { dst in
            for (i, byte) in id.utf8.enumerated() { dst[i] = byte }
        }
        return (Int32(n), key)
    }

    private mutating func grow() {
        let old = buckets.filter { $0.hash != 0 }
        buckets = [Bucket](repeating: Bucket(), count: buckets.count * 2)
        mask = buckets.count - 1
        count = 0
        for bucket in old { insert(bucket) }
    }
}
