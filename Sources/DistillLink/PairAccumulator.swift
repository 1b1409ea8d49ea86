/// Evidence contributions between account pairs, folded per pair at the end: appending
/// to flat arrays and sorting once is several times cheaper than a hashed dictionary
/// updated per contribution (a popular prompt family alone can pair up a million
/// candidate pairs). Contributions to one pair are folded in the order they were made,
/// so the float sums are the same on every run.
struct PairAccumulator {
    private var keys: [UInt64] = []
    private var kinds: [EvidenceKind] = []
    private var weights: [Double] = []
    /// Cap of each kind (every contribution of a kind carries the same cap).
    private var caps = PairEvidence()

    /// Adds `w` of `kind` between accounts `x` and `y`; a pair's total of a kind never exceeds `cap`.
    mutating func add(_ x: Int, _ y: Int, _ kind: EvidenceKind, _ w: Double, cap: Double) {
        guard x != y, w > 0 else { return }
        let (a, b) = x < y ? (x, y) : (y, x)
        keys.append(UInt64(a) << 32 | UInt64(b))
        kinds.append(kind)
        weights.append(w)
        caps[kind] = cap
    }

    /// Calls `body` once per pair `a < b`, in ascending (a, b) order, with its folded evidence.
    func forEachPair(_ body: (_ a: Int, _ b: Int, _ evidence: PairEvidence) -> Void) {
        let order = Self.stableOrder(keys)
        var i = 0
        while i < order.count {
            let key = keys[Int(order[i])]
            var e = PairEvidence()
            while i < order.count && keys[Int(order[i])] == key {
                let c = Int(order[i])
                let kind = kinds[c]
                e[kind] = min(caps[kind], e[kind] + weights[c])
                i += 1
            }
            body(Int(key >> 32), Int(key & 0xFFFF_FFFF), e)
        }
    }

    /// Indexes of `keys` in ascending key order, equal keys in their original order:
    /// a least-significant-digit radix sort (stable by construction, linear), 16 bits a
    /// pass, skipping digits that are the same in every key.
    static func stableOrder(_ keys: [UInt64]) -> [Int32] {
        var order = (0..<Int32(keys.count)).map { $0 }
        var scratch = [Int32](repeating: 0, count: keys.count)
        var varying: UInt64 = 0
        if let first = keys.first { for k in keys { varying |= k ^ first } }
        var counts = [Int](repeating: 0, count: 1 << 16)
        for shift in stride(from: 0, to: 64, by: 16) where (varying >> UInt64(shift)) & 0xFFFF != 0 {
            for i in counts.indices { counts[i] = 0 }
            for k in keys { counts[Int((k >> UInt64(shift)) & 0xFFFF)] += 1 }
            var sum = 0
            for d in counts.indices { let c = counts[d]; counts[d] = sum; sum += c }
            for idx in order {
                let d = Int((keys[Int(idx)] >> UInt64(shift)) & 0xFFFF)
                scratch[counts[d]] = idx
                counts[d] += 1
            }
            swap(&order, &scratch)
        }
        return order
    }
}
