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
        var order = [(key: UInt64, seq: Int32)]()
        order.reserveCapacity(keys.count)
        for i in keys.indices { order.append((keys[i], Int32(truncatingIfNeeded: i))) }
        order.sort { $0.key != $1.key ? $0.key < $1.key : $0.seq < $1.seq }
        var i = 0
        while i < order.count {
            let key = order[i].key
            var e = PairEvidence()
            while i < order.count && order[i].key == key {
                let c = Int(order[i].seq)
                let kind = kinds[c]
                e[kind] = min(caps[kind], e[kind] + weights[c])
                i += 1
            }
            body(Int(key >> 32), Int(key & 0xFFFF_FFFF), e)
        }
    }
}
