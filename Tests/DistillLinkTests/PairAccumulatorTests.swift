import Testing

@testable import DistillLink

@Suite("pair accumulator")
struct PairAccumulatorTests {
    @Test func familyPairsFoldLikeTheSameContributionsStored() {
        // Three families over accounts 0...9; family 7 is shared with ordinary accounts (purity 3/6).
        let members: [Int: [(account: Int, share: Double)]] = [
            7: [(1, 0.5), (4, 0.25), (9, 1)],
            2: [(1, 0.125), (4, 0.5)],
            5: [(3, 1)],  // one candidate: pairs nobody
        ]
        let purities = [7: 0.5, 2: 1, 5: 3.0 / 40]
        // By family id, 1 where no purity is given (as `PromptFamilies.linkPurity` makes them).
        let byID = (0...7).map { purities[$0] ?? 1 }
        let source = FamilyPairs(members: members, purity: byID, weight: 4, cap: 4, bound: 10)
        var generated = PairAccumulator()
        generated.add(1, 4, .ip, 0.5, cap: 1)
        var stored = generated
        for (f, m) in members.sorted(by: { $0.key < $1.key }) where m.count > 1 {
            let purity = purities[f]!
            for i in m.indices { for j in (i + 1)..<m.count { stored.add(m[i].account, m[j].account, .family, min(m[i].share, m[j].share) * 4 * purity, cap: 4) } }
        }
        #expect(source.count(1) == 3 && source.count(4) == 1 && source.count(3) == 0 && source.count(9) == 0)
        let made = generated.compactMapPairs(threads: 1, adding: source, state: {}) { _, a, b, e in [Double(a), Double(b)] + e.weights }
        let kept = stored.compactMapPairs(threads: 1, state: {}) { _, a, b, e in [Double(a), Double(b)] + e.weights }
        #expect(made == kept)
        #expect(made.map { [$0[0], $0[1]] } == [[1, 4], [1, 9], [4, 9]])
        // Pair (1, 4): family 2 gives min(0.125, 0.5) × 4 × 1, family 7 min(0.5, 0.25) × 4 × 0.5.
        #expect(made[0][2 + EvidenceKind.allCases.firstIndex(of: .family)!] == 0.5 + 0.5)
    }

    @Test func contributionsFoldPerPairInOrderUpToTheCap() {
        var acc = PairAccumulator()
        acc.add(5, 2, .ip, 0.75, cap: 1)
        acc.add(2, 5, .ip, 0.5, cap: 1)  // same pair, either order: capped at 1
        acc.add(1, 9, .family, 0.25, cap: 4)
        acc.add(3, 3, .family, 1, cap: 4)  // an account never pairs with itself
        acc.add(1, 2, .payment, 0, cap: 3)  // nothing to add
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
        // And families made while folding, one of them spanning most accounts.
        var members: [Int: [(account: Int, share: Double)]] = [:]
        for f in 0..<30 {
            members[f] = (0..<400).filter { _ in random(f == 0 ? 2 : 20) == 0 }.map { ($0, Double(1 + random(8)) / 8) }
        }
        let families = FamilyPairs(members: members, purity: [Double](repeating: 1, count: (members.keys.max() ?? 0) + 1), weight: 4, cap: 4, bound: 400)
        var single = acc
        let expected = single.compactMapPairs(threads: 1, adding: families, state: {}) { _, a, b, e in [Double(a), Double(b)] + e.weights }
        let split = acc.compactMapPairs(threads: threads, adding: families, state: {}) { _, a, b, e in [Double(a), Double(b)] + e.weights }
        #expect(expected.count > 10_000)
        #expect(split == expected)
    }
}
