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
