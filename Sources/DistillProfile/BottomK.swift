/// The `k` distinct keys with the smallest stable hashes, with exact counts. Mergeable
/// exactly: the bottom-k of a union is the bottom-k of the parts' bottom-k, and a key
/// kept after merging was kept, with its full count, by every part that saw it. Two
/// accounts' bottom-k sets are MinHash samples of their full sets (Jaccard estimates).
public struct BottomK<Payload: Sendable>: Sendable {
    public struct Entry: Sendable {
        public var count: Int
        public var payload: Payload
    }

    public let k: Int
    public private(set) var entries: [UInt64: Entry] = [:]
    /// Largest hash kept (valid when full).
    private var maxHash: UInt64 = 0

    public init(k: Int) { self.k = k }

    public var isFull: Bool { entries.count >= k }

    /// Whether a key with this hash would be kept (cheap test before building a payload).
    @inline(__always)
    public func admits(_ hash: UInt64) -> Bool { entries.count < k || hash < maxHash || entries[hash] != nil }

    public mutating func add(_ hash: UInt64, count: Int = 1, _ payload: @autoclosure () -> Payload) {
        if var e = entries[hash] {
            e.count += count
            entries[hash] = e
            return
        }
        guard admits(hash) else { return }
        entries[hash] = Entry(count: count, payload: payload())
        if entries.count > k {
            entries[maxHash] = nil
            maxHash = entries.keys.max()!
        } else {
            maxHash = max(maxHash, hash)
        }
    }

    public mutating func merge(_ o: BottomK) {
        for (h, e) in o.entries { add(h, count: e.count, e.payload) }
    }

    /// Estimated number of distinct keys seen (exact below k).
    public var distinctEstimate: Double {
        guard isFull, maxHash > 0 else { return Double(entries.count) }
        return Double(k - 1) / (Double(maxHash) / Double(UInt64.max))
    }

    /// Entries sorted by count (desc), then hash, for stable output.
    public var sortedByCount: [(UInt64, Entry)] {
        entries.sorted { $0.value.count != $1.value.count ? $0.value.count > $1.value.count : $0.key < $1.key }
    }
}
