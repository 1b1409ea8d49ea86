import Testing
@testable import DistillLink

@Suite("pair accumulator")
struct PairAccumulatorTests {
    @Test func radixSortIsTheStableSortOfTheKeys() {
        var seed: UInt64 = 7  // a fixed LCG: the same keys on every run
        func random() -> UInt64 {
            seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return seed
        }
        for shape in 0..<3 {
            // Small pair keys (the usual case), full-width keys, and many duplicates.
            let keys: [UInt64] = (0..<5_000).map { _ in
                switch shape {
                case 0: return (random() >> 50) << 32 | (random() >> 50)
                case 1: return random()
                default: return random() % 7
                }
            }
            // The weight carries each contribution's original position.
            var items = keys.enumerated().map { PairAccumulator.Contribution(key: $1, weight: Double($0), kind: .ip) }
            let expected = keys.indices.sorted { (keys[$0], $0) < (keys[$1], $1) }
            PairAccumulator.stableSort(&items)
            #expect(items.map { Int($0.weight) } == expected)
        }
        var none: [PairAccumulator.Contribution] = []
        PairAccumulator.stableSort(&none)
        #expect(none.isEmpty)
    }

    @Test func contributionsFoldPerPairInOrderUpToTheCap() {
        var acc = PairAccumulator()
        acc.add(5, 2, .ip, 0.75, cap: 1)
        acc.add(2, 5, .ip, 0.5, cap: 1)        // same pair, either order: capped at 1
        acc.add(1, 9, .family, 0.25, cap: 4)
        acc.add(3, 3, .family, 1, cap: 4)      // an account never pairs with itself
        acc.add(1, 2, .payment, 0, cap: 3)     // nothing to add
        let seen = acc.compactMapPairs(threads: 1, state: {}) { _, a, b, e in (a, b, e.total) }
        #expect(seen.map(\.0) == [1, 2] && seen.map(\.1) == [9, 5])
        #expect(seen.map(\.2) == [0.25, 1])
    }

    @Test(arguments: [2, 3, 8])
    func pairsFoldTheSameOnAnyNumberOfThreads(threads: Int) {
        var seed: UInt64 = 11
        func random(_ n: UInt64) -> Int {
            seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((seed >> 33) % n)
        }
        // Enough contributions to split, skewed so that one account holds many of them.
        var acc = PairAccumulator()
        let kinds: [EvidenceKind] = [.ip, .family, .subnet]
        for i in 0..<60_000 {
            let x = i % 5 == 0 ? 3 : random(400), y = random(400)
            acc.add(x, y, kinds[i % 3], 0.1 + Double(random(100)) / 37, cap: 2.5)
        }
        var single = acc
        let expected = single.compactMapPairs(threads: 1, state: {}) { _, a, b, e in [Double(a), Double(b)] + e.weights }
        let split = acc.compactMapPairs(threads: threads, state: {}) { _, a, b, e in [Double(a), Double(b)] + e.weights }
        #expect(expected.count > 10_000)
        #expect(split == expected)
    }
}
