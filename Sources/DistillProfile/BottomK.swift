/// The `k` distinct keys with the smallest stable hashes, with exact counts. Mergeable
/// exactly: the bottom-k of a union is the bottom-k of the parts' bottom-k, and a key
/// kept after merging was kept, with its full count, by every part that saw it. Two
/// accounts' bottom-k sets are MinHash samples of their full sets (Jaccard estimates).
///
/// Stored as small parallel arrays (k is at most a few dozen): a linear scan beats a
/// hashed dictionary on the per-request path.
public struct BottomK<Payload: Sendable>: Sendable {
    public struct Entry: Sendable {
        public var count: Int
        public var payload: Payload
    }

    public let k: Int
    private var hashes: [UInt64] = []
    private var counts: [Int] = []
    private var payloads: [Payload] = []
    /// Largest hash kept.
    private var maxHash: UInt64 = 0

    public init(k: Int) { self.k = k }

    public var isFull: Bool { hashes.count >= k }
    public var count: Int { hashes.count }

    /// Kept entries by hash (built on demand; for the link stage, not the hot path).
    public var entries: [UInt64: Entry] {
        var d: [UInt64: Entry] = [:]
        for i in hashes.indices { d[hashes[i]] = Entry(count: counts[i], payload: payloads[i]) }
        return d
    }

    /// Kept payloads, in no particular order (for counting and indexing).
    public var payloadsUnordered: [Payload] { payloads }

    /// Kept payloads with counts, in hash order.
    public var items: [(hash: UInt64, count: Int, payload: Payload)] {
        hashes.indices.sorted { hashes[$0] < hashes[$1] }.map { (hashes[$0], counts[$0], payloads[$0]) }
    }

    /// Whether a key with this hash would be kept (cheap test before building a payload).
    @inline(__always)
    public func admits(_ hash: UInt64) -> Bool { hashes.count < k || hash <= maxHash }

    public mutating func add(_ hash: UInt64, count: Int = 1, _ payload: @autoclosure () -> Payload) {
        if hashes.count >= k && hash > maxHash { return }
        if let i = hashes.firstIndex(of: hash) {
            counts[i] += count
            return
        }
        hashes.append(hash)
        counts.append(count)
        payloads.append(payload())
        if hashes.count > k {
            let drop = hashes.firstIndex(of: maxHash)!
            hashes.swapAt(drop, hashes.count - 1); hashes.removeLast()
            counts.swapAt(drop, counts.count - 1); counts.removeLast()
            payloads.swapAt(drop, payloads.count - 1); payloads.removeLast()
            maxHash = hashes.max()!
        } else {
            maxHash = max(maxHash, hash)
        }
    }

    public mutating func merge(_ o: BottomK) {
        for i in o.hashes.indices { add(o.hashes[i], count: o.counts[i], o.payloads[i]) }
    }

    /// Estimated number of distinct keys seen (exact below k).
    public var distinctEstimate: Double {
        guard isFull, maxHash > 0 else { return Double(hashes.count) }
        return Double(k - 1) / (Double(maxHash) / Double(UInt64.max))
    }
}
