/// A kept key's hash with its count: searched and counted together, so a repeat touches
/// one small array (per-account sketches are cold in cache). Not nested in `BottomK`: a
/// type nested in a generic one has per-payload metadata, looked up at run time by every
/// read of the slots that another module's code makes (the link stage's gathering of
/// prompt samples spent more time there than copying them).
@usableFromInline struct BottomKSlot: Sendable {
    @usableFromInline var hash: UInt64
    @usableFromInline var count: Int
    init(hash: UInt64, count: Int) { self.hash = hash; self.count = count }
}

/// The `k` distinct keys with the smallest stable hashes, with exact counts. Mergeable
/// exactly: the bottom-k of a union is the bottom-k of the parts' bottom-k, and a key
/// kept after merging was kept, with its full count, by every part that saw it. Two
/// accounts' bottom-k sets are MinHash samples of their full sets (Jaccard estimates).
///
/// Stored as small arrays (k is at most a few dozen): a linear scan beats a hashed
/// dictionary on the per-request path.
///
/// Public, with `package` members: this toolchain serialises the `@inlinable` accessors
/// below for the link and score stages only when their type is public, and of a
/// `package` type they stayed unspecialised generic calls.
public struct BottomK<Payload: Sendable>: Sendable {
    public struct Entry: Sendable {
        package var count: Int
        package var payload: Payload
        @usableFromInline init(count: Int, payload: Payload) { self.count = count; self.payload = payload }
    }

    /// A kept key's hash with its count (outside the generic type: see `BottomKSlot`).
    @usableFromInline typealias Slot = BottomKSlot

    package let k: Int
    // Readable from inlined accessors: the link and score stages read sketches of
    // concrete payloads, and an unspecialised generic read of each costs more than the data.
    @usableFromInline private(set) var slots: [Slot] = []
    @usableFromInline private(set) var payloads: [Payload] = []
    /// Largest hash kept.
    private var maxHash: UInt64 = 0
    /// Keys kept (`slots.count`, held inline so a rejection never reads the array).
    package private(set) var count = 0
    /// The slot of the key added last, and adds of it not yet written to `slots`: an
    /// account's requests mostly repeat its last IP, client or key, and counting those
    /// here spares a cold heap array per request.
    @usableFromInline private(set) var lastIndex = -1
    private var lastHash: UInt64 = 0
    @usableFromInline private(set) var pending = 0
    /// One bit per value of the low 7 bits of each kept hash: a key whose bit is clear is
    /// surely not kept, so a new key is admitted without scanning the cold slot array.
    private var filter: (UInt64, UInt64) = (0, 0)

    package init(k: Int) { self.k = k }

    package var isFull: Bool { count >= k }

    /// The count of slot `i`, including adds not yet written to it.
    @inlinable @inline(__always)
    func count(at i: Int) -> Int { slots[i].count + (i == lastIndex ? pending : 0) }

    /// Kept entries by hash (built on demand; for the link stage, not the hot path).
    @inlinable package var entries: [UInt64: Entry] {
        var d: [UInt64: Entry] = [:]
        for i in slots.indices { d[slots[i].hash] = Entry(count: count(at: i), payload: payloads[i]) }
        return d
    }

    /// Hashes of the kept keys, in no particular order.
    @inlinable package var hashesUnordered: [UInt64] { slots.map { $0.hash } }

    /// Kept payloads, in no particular order (for counting and indexing).
    @inlinable package var payloadsUnordered: [Payload] { payloads }

    /// Kept payloads with counts, in no particular order.
    @inlinable package var itemsUnordered: [(hash: UInt64, count: Int, payload: Payload)] {
        slots.indices.map { (slots[$0].hash, count(at: $0), payloads[$0]) }
    }

    /// Calls `body` with every kept key's hash, count and payload, in no particular order
    /// (the order of `itemsUnordered`) without building an array of tuples.
    @inlinable package func forEachItem(_ body: (_ hash: UInt64, _ count: Int, _ payload: Payload) -> Void) {
        for i in slots.indices { body(slots[i].hash, count(at: i), payloads[i]) }
    }

    /// Calls `body` with every kept key's hash, in the order of `forEachItem`, without
    /// reading the payloads: a payload read is a retain of its storage, a cache miss per
    /// kept item for a reader that wants only the hashes.
    @inlinable package func forEachHash(_ body: (_ hash: UInt64) -> Void) {
        for i in slots.indices { body(slots[i].hash) }
    }

    /// Whether the key with this hash is kept.
    @inlinable package func holds(_ hash: UInt64) -> Bool { slots.contains { $0.hash == hash } }

    /// Kept payloads with counts, in hash order (kept hashes are distinct: the order is total).
    @inlinable package var items: [(hash: UInt64, count: Int, payload: Payload)] {
        // The comparison reads the slots alone: a closure reading `self` copied the whole
        // sketch (retaining its arrays) at every comparison of the state file's sort.
        let s = slots
        return s.indices.sorted { s[$0].hash < s[$1].hash }.map { (s[$0].hash, count(at: $0), payloads[$0]) }
    }

    /// Whether a key with this hash would be kept (cheap test before building a payload).
    @inline(__always)
    package func admits(_ hash: UInt64) -> Bool { count < k || hash <= maxHash }

    /// Counts `n` more of the key with this hash (the payload is built only when the key
    /// is new and kept). The common outcomes, a repeat of the last key and a rejection,
    /// are decided inline at the caller.
    @inline(__always)
    package mutating func add(_ hash: UInt64, count n: Int = 1, _ payload: @autoclosure () -> Payload) {
        if lastIndex >= 0 && hash == lastHash { pending += n; return }
        if count >= k && hash > maxHash { return }
        insert(hash, n, payload)
    }

    private mutating func insert(_ hash: UInt64, _ n: Int, _ payload: () -> Payload) {
        guard k > 0 else { return }
        if slots.isEmpty {
            // The arrays grow to k in most sketches: one allocation each, not one per doubling.
            slots.reserveCapacity(k)
            payloads.reserveCapacity(k)
        }
        if lastIndex >= 0 && pending > 0 { slots[lastIndex].count += pending }
        pending = 0
        lastHash = hash
        if mayHold(hash), let i = slots.firstIndex(where: { $0.hash == hash }) {
            slots[i].count += n
            lastIndex = i
            return
        }
        if slots.count == k {
            // Full, and the new key is below the largest kept: it takes the largest's slot.
            let drop = slots.firstIndex { $0.hash == maxHash }!
            slots[drop] = Slot(hash: hash, count: n)
            payloads[drop] = payload()
            lastIndex = drop
            maxHash = 0
            filter = (0, 0)
            for s in slots {
                maxHash = max(maxHash, s.hash)
                mark(s.hash)
            }
        } else {
            slots.append(Slot(hash: hash, count: n))
            payloads.append(payload())
            lastIndex = slots.count - 1
            maxHash = max(maxHash, hash)
            mark(hash)
        }
        count = slots.count
    }

    @inline(__always)
    private func mayHold(_ hash: UInt64) -> Bool {
        let bit = hash & 127
        return (bit < 64 ? filter.0 >> bit : filter.1 >> (bit - 64)) & 1 != 0
    }

    @inline(__always)
    private mutating func mark(_ hash: UInt64) {
        let bit = hash & 127
        if bit < 64 { filter.0 |= 1 << bit } else { filter.1 |= 1 << (bit - 64) }
    }

    package mutating func merge(_ o: BottomK) {
        for i in o.slots.indices { add(o.slots[i].hash, count: o.count(at: i), o.payloads[i]) }
    }

    /// Estimated number of distinct keys seen (exact below k).
    package var distinctEstimate: Double {
        guard isFull, maxHash > 0 else { return Double(count) }
        return Double(k - 1) / (Double(maxHash) / Double(UInt64.max))
    }
}
