import Testing

@testable import DistillLink

/// The compact edge list must give back every edge's weights bit for bit: campaign
/// scores, the edge dump and the case database read them.
@Suite("compact evidence edges")
struct EdgeListTests {
    @Test func edgesComeBackBitForBitInOrder() {
        var edges: [Edge] = []
        var seed: UInt64 = 5
        for i in 0..<3_000 {
            var e = PairEvidence()
            for (k, kind) in EvidenceKind.allCases.enumerated() {
                seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                // Mostly absent kinds, some odd values: a tiny one, a negative zero, NaN.
                switch (seed >> 40) % 11 {
                case 0: e[kind] = Double(seed >> 11) / 9_007_199_254_740_992
                case 1: e[kind] = k == 3 ? -0.0 : 4
                case 2: e[kind] = i % 500 == 0 ? .nan : .leastNonzeroMagnitude
                default: break
                }
            }
            edges.append(Edge(a: i / 7, b: i / 7 + 1 + i % 7, evidence: e))
        }
        let list = EdgeList(edges)
        #expect(list.count == edges.count)
        var n = 0
        for (got, want) in zip(list, edges) {
            #expect(got.a == want.a && got.b == want.b)
            #expect(got.evidence.weights.map(\.bitPattern) == want.evidence.weights.map(\.bitPattern))
            #expect(got.evidence.total.bitPattern == want.evidence.total.bitPattern)
            n += 1
        }
        #expect(n == edges.count)
    }

    /// The filtered walk gives the accepted edges' weights bit for bit, with their kinds,
    /// and sums them as `PairEvidence.total` does (scores and the case tables read it).
    @Test func theFilteredStoredWalkGivesTheAcceptedEdgesWeightsBitForBit() {
        var edges: [Edge] = []
        for i in 0..<200 {
            var e = PairEvidence()
            for (k, kind) in EvidenceKind.allCases.enumerated() where (i + k) % 3 == 0 { e[kind] = k == 4 ? -0.0 : Double(i) / 7 + Double(k) }
            edges.append(Edge(a: i / 4, b: i / 4 + 1 + i % 4, evidence: e))
        }
        var seen: [Int] = []
        EdgeList(edges).forEachStored(where: { a, b in (a + b) % 2 == 0 }) { a, b, kinds, weights in
            let i = edges.firstIndex { $0.a == a && $0.b == b }!
            seen.append(i)
            var got = PairEvidence(), total = 0.0, count = 0
            EdgeList.forEachWeight(kinds, weights) { k, w in
                got[index: k] = w
                total += w
                count += 1
            }
            #expect(count == weights.count && count == kinds.nonzeroBitCount)
            #expect(got.weights.map(\.bitPattern) == edges[i].evidence.weights.map(\.bitPattern))
            #expect(total.bitPattern == edges[i].evidence.total.bitPattern)
        }
        #expect(seen == edges.indices.filter { (edges[$0].a + edges[$0].b) % 2 == 0 })
    }

    @Test func shardsConcatenateInShardOrder() {
        var parts = [EdgeList.Builder(), EdgeList.Builder(), EdgeList.Builder()]
        var e = PairEvidence()
        e.family = 4
        parts[0].append(0, 1, e)
        e.ip = 0.5
        parts[2].append(2, 3, e)
        parts[2].append(2, 5, PairEvidence())
        let list = EdgeList.Builder.concatenate(&parts)
        #expect(parts.isEmpty)
        #expect(list.map { [$0.a, $0.b] } == [[0, 1], [2, 3], [2, 5]])
        #expect(list.map(\.evidence.total) == [4, 4.5, 0])
        #expect(!list.isEmpty && EdgeList().isEmpty)
    }
}
