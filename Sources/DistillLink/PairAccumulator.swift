import DistillInput
import DistillSupport

/// Contributions of one kind made on demand for each account `a` against later accounts
/// `b > a`, in a fixed order, when there are too many to store (the pairs of a prompt
/// family popular among suspicious accounts).
protocol PairSource: Sendable {
    /// The kind and per-pair cap of every contribution.
    var kind: EvidenceKind { get }
    var cap: Double { get }
    /// One past the largest account index the source mentions.
    var bound: Int { get }
    /// How many contributions `forEach(a)` makes (balances the shards).
    func count(_ a: Int) -> Int
    /// The contributions `(b, weight)` of account `a`, each with `b > a` and `weight > 0`.
    func forEach(_ a: Int, _ body: (_ b: Int, _ weight: Double) -> Void)
}

/// A source with nothing to add.
struct NoPairs: PairSource {
    var kind: EvidenceKind { .family }
    var cap: Double { 0 }
    var bound: Int { 0 }
    func count(_ a: Int) -> Int { 0 }
    func forEach(_ a: Int, _ body: (Int, Double) -> Void) {}
}

/// Evidence contributions between account pairs, folded per pair at the end: appending
/// to a flat array, grouping it by first account and folding each account's pairs in a
/// small scratch table is several times cheaper than a hashed dictionary updated per
/// contribution. Contributions to one pair are folded in the order they were made, so
/// the float sums are the same on every run.
struct PairAccumulator {
    struct Contribution {
        var key: UInt64
        var weight: Double
        var kind: EvidenceKind
    }

    private var contributions: [Contribution] = []
    /// Cap of each kind (every contribution of a kind carries the same cap).
    private var caps = PairEvidence()

    /// Adds `w` of `kind` between accounts `x` and `y`; a pair's total of a kind never exceeds `cap`.
    mutating func add(_ x: Int, _ y: Int, _ kind: EvidenceKind, _ w: Double, cap: Double) {
        guard x != y, w > 0 else { return }
        let (a, b) = x < y ? (x, y) : (y, x)
        contributions.append(Contribution(key: UInt64(a) << 32 | UInt64(b), weight: w, kind: kind))
        caps[kind] = cap
    }

    /// Every pair `a < b` with its folded evidence (the stored contributions and those of
    /// `source`) handed to `body` with its shard's state and output, in ascending (a, b)
    /// order; the shards' outputs in shard order. The accounts are split into runs of
    /// about equal work, each folded on its own thread; a pair's contributions of a kind
    /// are still folded in the order they were made (the source's after the stored ones),
    /// so the outputs, taken in order, are the same for every thread count.
    mutating func foldPairs<State, Output: Sendable, Source: PairSource>(
        threads: Int, adding source: Source = NoPairs(), state: @Sendable () -> State, output: @Sendable () -> Output,
        _ body: @Sendable (inout State, inout Output, _ a: Int, _ b: Int, PairEvidence) -> Void
    ) -> [Output] {
        let stored = contributions
        contributions = []
        let bound = max(source.bound, stored.reduce(0) { max($0, Int($1.key & 0xFFFF_FFFF) + 1) })
        guard bound > 0 else { return [] }
        let caps = self.caps
        // Stored contributions grouped by `a`, keeping their order (a counting sort).
        var offsets = [Int](repeating: 0, count: bound + 1)
        for c in stored { offsets[Int(c.key >> 32) + 1] += 1 }
        var costs = [Int](repeating: 0, count: bound)
        for a in 0..<bound {
            costs[a] = offsets[a + 1] + source.count(a)
            offsets[a + 1] += offsets[a]
        }
        let start = offsets, cost = costs
        // SAFETY: each contribution goes to `next[a]`, which runs through `start[a]..<start[a + 1]` (counting-sort offsets, `a < b < bound`), so each of the `stored.count` slots is initialized exactly once before `count` is set.
        let grouped = [Contribution](unsafeUninitializedCapacity: stored.count) { buffer, count in
            var next = start
            for c in stored {
                let a = Int(c.key >> 32)
                (buffer.baseAddress! + next[a]).initialize(to: c)
                next[a] += 1
            }
            count = stored.count
        }
        // A few shards per thread: the cost counts contributions, not the pairs' own work
        // (synchronized activity is measured only for some), and a shard's thread may start late.
        let bounds = Self.shards(cost, count: max(1, min(threads == 1 ? 1 : 4 * threads, cost.reduce(0, +) / 4096)))
        // SAFETY: shards only read `items`, each its own accounts' ranges `start[a]..<start[a + 1]` (within `grouped.count`); `parallelMap` joins them before this closure returns.
        return grouped.withUnsafeBufferPointer { items in
            let items = Regions(items: items)
            return parallelMap(bounds.count - 1, threads: threads) { shard in
                var table = FoldTable(bound: bound)
                var out = output()
                var local = state()
                for a in bounds[shard]..<bounds[shard + 1] where cost[a] > 0 {
                    for i in start[a]..<start[a + 1] {
                        let c = items.items[i]
                        table.add(Int(c.key & 0xFFFF_FFFF), c.kind, c.weight, cap: caps[c.kind])
                    }
                    source.forEach(a) { b, w in table.add(b, source.kind, w, cap: source.cap) }
                    table.drain { b, e in body(&local, &out, a, b, e) }
                }
                return out
            }
        }
    }

    /// Bounds of `shards` runs of accounts, each about an equal share of the total cost.
    static func shards(_ cost: [Int], count shards: Int) -> [Int] {
        let total = cost.reduce(0, +)
        var bounds = [0], sum = 0
        for a in cost.indices {
            sum += cost[a]
            if bounds.count < shards && sum >= total * bounds.count / shards && a + 1 < cost.count { bounds.append(a + 1) }
        }
        bounds.append(cost.count)
        return bounds
    }

    /// The grouped contributions, read by every shard (each its own accounts' range).
    // SAFETY: @unchecked Sendable: a read-only view of `grouped`, shared by the shards only inside its `withUnsafeBufferPointer`, which outlives the `parallelMap` using it.
    private struct Regions: @unchecked Sendable {
        let items: UnsafeBufferPointer<Contribution>
    }
}

/// One account's pairs while they are folded: evidence per partner, found through a
/// slot table over all accounts (4 bytes each), drained in ascending partner order.
struct FoldTable {
    private var slot: [Int32]
    /// Partners in the order met, and their evidence by slot.
    private var partners: [Int] = []
    private var evidence: [PairEvidence] = []

    init(bound: Int) { slot = [Int32](repeating: -1, count: bound) }

    mutating func add(_ b: Int, _ kind: EvidenceKind, _ w: Double, cap: Double) {
        var s = Int(slot[b])
        if s < 0 {
            s = partners.count
            slot[b] = Int32(s)
            partners.append(b)
            evidence.append(PairEvidence())
        }
        evidence[s][kind] = min(cap, evidence[s][kind] + w)
    }

    /// Each partner with its evidence, ascending; the table is empty afterwards. Partners
    /// are distinct, so sorting the plain indexes (not the 88-byte records) is enough.
    mutating func drain(_ body: (Int, PairEvidence) -> Void) {
        partners.sort()
        for b in partners {
            let s = Int(slot[b])
            slot[b] = -1
            body(b, evidence[s])
        }
        partners.removeAll(keepingCapacity: true)
        evidence.removeAll(keepingCapacity: true)
    }
}
