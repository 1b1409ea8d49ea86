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

    /// Calls `body` once per pair `a < b`, in ascending (a, b) order, with its folded
    /// evidence (sorting the contributions in place, to hold one copy fewer).
    mutating func forEachPair(_ body: (_ a: Int, _ b: Int, _ evidence: PairEvidence) -> Void) {
        Self.stableSort(&contributions)
        let sorted = contributions
        var i = 0
        while i < sorted.count {
            let key = sorted[i].key
            var e = PairEvidence()
            while i < sorted.count && sorted[i].key == key {
                let kind = sorted[i].kind
                e[kind] = min(caps[kind], e[kind] + sorted[i].weight)
                i += 1
            }
            body(Int(key >> 32), Int(key & 0xFFFF_FFFF), e)
        }
    }

    /// The contributions in ascending key order, equal keys in their original order: a
    /// least-significant-digit radix sort (stable by construction, linear, and moving the
    /// contributions themselves so the fold reads them in sequence), 16 bits a pass,
    /// skipping digits that are the same in every key.
    static func stableSort(_ items: inout [Contribution]) {
        guard let first = items.first else { return }
        var scratch = items
        var varying: UInt64 = 0
        for c in items { varying |= c.key ^ first.key }
        var counts = [Int](repeating: 0, count: 1 << 16)
        for shift in stride(from: UInt64(0), to: 64, by: 16) where (varying >> shift) & 0xFFFF != 0 {
            for i in counts.indices { counts[i] = 0 }
            for c in items { counts[Int((c.key >> shift) & 0xFFFF)] += 1 }
            var sum = 0
            for d in counts.indices { let n = counts[d]; counts[d] = sum; sum += n }
            for c in items {
                let d = Int((c.key >> shift) & 0xFFFF)
                scratch[counts[d]] = c
                counts[d] += 1
            }
            swap(&items, &scratch)
        }
    }
}
