/// A fixed linear congruential generator: the same "random" cases on every run, so a
/// failure reproduces (shared by the test targets).
public struct TestRandom {
    public var seed: UInt64
    public init(seed: UInt64) { self.seed = seed }

    /// The next number in `0..<bound` (`bound > 0`).
    public mutating func next(_ bound: Int) -> Int {
        seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        return Int((seed >> 33) % UInt64(bound))
    }
}

extension TestRandom {
    /// Distinct unordered pairs of nodes below `nodes` (`a < b`) from `draws` random draws
    /// (a self-pair or a repeat is dropped), ascending by (a, b).
    public mutating func distinctPairs(nodes: Int, draws: Int) -> [(a: Int, b: Int)] {
        var pairs = Set<Int>()
        for _ in 0..<draws {
            let a = next(nodes), b = next(nodes)
            if a != b { pairs.insert(min(a, b) * nodes + max(a, b)) }
        }
        return pairs.sorted().map { ($0 / nodes, $0 % nodes) }
    }
}
