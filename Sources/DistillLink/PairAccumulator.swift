import DistillInput

/// Evidence contributions between account pairs, folded per pair at the end: appending
/// to a flat array and sorting it once is several times cheaper than a hashed dictionary
/// updated per contribution (a popular prompt family alone can pair up a million
/// candidate pairs). Contributions to one pair are folded in the order they were made,
/// so the float sums are the same on every run.
struct PairAccumulator {
    struct Contribution {
        var key: UInt64
        var weight: Double
        var kind: EvidenceKind
    }

    private var contributions: [Contribution] = []
    /// Cap of each kind (every contribution of a kind carries the same cap).
    private var caps = PairEvidence()

    /// Makes room for `n` more contributions (a large family's pairs, known in advance).
    mutating func reserve(_ n: Int) { contributions.reserveCapacity(contributions.count + n) }

    /// Adds `w` of `kind` between accounts `x` and `y`; a pair's total of a kind never exceeds `cap`.
    mutating func add(_ x: Int, _ y: Int, _ kind: EvidenceKind, _ w: Double, cap: Double) {
        guard x != y, w > 0 else { return }
        let (a, b) = x < y ? (x, y) : (y, x)
        contributions.append(Contribution(key: UInt64(a) << 32 | UInt64(b), weight: w, kind: kind))
        caps[kind] = cap
    }

    /// `transform` of every pair `a < b` with its folded evidence, in ascending (a, b)
    /// order, nils dropped. The contributions are split into runs of whole `a` values of
    /// about equal size, each sorted and folded on its own thread with its own `State`;
    /// a pair's contributions are still folded in the order they were made, so the result
    /// is the same for every thread count.
    mutating func compactMapPairs<State, T: Sendable>(
        threads: Int, state: @Sendable () -> State, _ transform: @Sendable (inout State, _ a: Int, _ b: Int, PairEvidence) -> T?
    ) -> [T] {
        let n = contributions.count
        guard n > 0 else { return [] }
        let caps = self.caps
        // The contributions grouped by shard (stably) into `grouped`; each shard then sorts
        // its own region, using the same region of `contributions` as scratch.
        var grouped = [Contribution](unsafeUninitializedCapacity: n) { _, count in count = n }
        let parts: [[T]] = contributions.withUnsafeMutableBufferPointer { source in
            grouped.withUnsafeMutableBufferPointer { target in
                let (bounds, shardOf) = Self.shards(source, count: max(1, min(threads, n / 4096)))
                if bounds.count == 2 { _ = target.initialize(fromContentsOf: source) } else { Self.scatter(source, into: target, bounds, shardOf) }
                let regions = Regions(sorted: target, scratch: source)
                return parallelMap(bounds.count - 1, threads: threads) { shard in
                    let range = bounds[shard]..<bounds[shard + 1]
                    let items = regions.sorted.extracting(range)
                    Self.stableSort(items, scratch: regions.scratch.extracting(range))
                    var out: [T] = []
                    var local = state()
                    var i = 0
                    while i < items.count {
                        let key = items[i].key
                        var e = PairEvidence()
                        while i < items.count && items[i].key == key {
                            let kind = items[i].kind
                            e[kind] = min(caps[kind], e[kind] + items[i].weight)
                            i += 1
                        }
                        if let t = transform(&local, Int(key >> 32), Int(key & 0xFFFF_FFFF), e) { out.append(t) }
                    }
                    return out
                }
            }
        }
        contributions = []
        return parts.flatMap { $0 }
    }

    /// Region offsets of `shards` runs of whole `a` values, each about `count / shards`
    /// contributions (fewer runs when one `a` holds most of them), and the run of each `a`.
    static func shards(_ items: UnsafeMutableBufferPointer<Contribution>, count shards: Int) -> (bounds: [Int], shardOf: [UInt8]) {
        guard shards > 1 else { return ([0, items.count], []) }
        let maxA = items.reduce(0) { max($0, Int($1.key >> 32)) }
        var perA = [Int](repeating: 0, count: maxA + 1)
        for c in items { perA[Int(c.key >> 32)] += 1 }
        var bounds = [0]
        var shardOf = [UInt8](repeating: 0, count: maxA + 1)
        var sum = 0
        for a in perA.indices {
            shardOf[a] = UInt8(bounds.count - 1)
            sum += perA[a]
            if bounds.count < shards && sum >= items.count * bounds.count / shards && sum < items.count { bounds.append(sum) }
        }
        bounds.append(items.count)
        return (bounds, shardOf)
    }

    /// Copies `source` into `target`, grouped by run, keeping the order within each run.
    static func scatter(_ source: UnsafeMutableBufferPointer<Contribution>, into target: UnsafeMutableBufferPointer<Contribution>,
                        _ bounds: [Int], _ shardOf: [UInt8]) {
        var next = Array(bounds.dropLast())
        for c in source {
            let s = Int(shardOf[Int(c.key >> 32)])
            target[next[s]] = c
            next[s] += 1
        }
    }

    /// Sorts `items` by key, equal keys in their original order: a least-significant-digit
    /// radix sort (stable by construction, linear, and moving the contributions themselves
    /// so the fold reads them in sequence), 16 bits a pass, skipping digits that are the
    /// same in every key. `scratch` is as long as `items`; its contents are overwritten.
    static func stableSort(_ items: UnsafeMutableBufferPointer<Contribution>, scratch: UnsafeMutableBufferPointer<Contribution>) {
        guard let first = items.first else { return }
        var varying: UInt64 = 0
        for c in items { varying |= c.key ^ first.key }
        var from = items, to = scratch
        var counts = [Int](repeating: 0, count: 1 << 16)
        for shift in stride(from: UInt64(0), to: 64, by: 16) where (varying >> shift) & 0xFFFF != 0 {
            for i in counts.indices { counts[i] = 0 }
            for c in from { counts[Int((c.key >> shift) & 0xFFFF)] += 1 }
            var sum = 0
            for d in counts.indices { let n = counts[d]; counts[d] = sum; sum += n }
            for c in from {
                let d = Int((c.key >> shift) & 0xFFFF)
                to[counts[d]] = c
                counts[d] += 1
            }
            swap(&from, &to)
        }
        if from.baseAddress != items.baseAddress { _ = items.update(fromContentsOf: from) }
    }

    /// `stableSort` of an array.
    static func stableSort(_ items: inout [Contribution]) {
        var scratch = items
        items.withUnsafeMutableBufferPointer { i in scratch.withUnsafeMutableBufferPointer { s in stableSort(i, scratch: s) } }
    }

    /// The two buffers the shards work in; each shard touches only its own range of both.
    private struct Regions: @unchecked Sendable {
        let sorted: UnsafeMutableBufferPointer<Contribution>
        let scratch: UnsafeMutableBufferPointer<Contribution>
    }
}
