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
            EdgeWeights.forEach(kinds, weights) { k, w in
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

    /// Split into parts (what the case material's threads each read), the walk gives the
    /// same edges with the same weights, the parts in order, for any number of parts.
    @Test func thePartsOfTheStoredWalkAreTheWholeWalkInOrder() {
        var edges: [Edge] = []
        for i in 0..<301 {
            var e = PairEvidence()
            for (k, kind) in EvidenceKind.allCases.enumerated() where (i * 3 + k) % 4 == 0 { e[kind] = Double(i) + Double(k) / 16 }
            edges.append(Edge(a: i / 5, b: i / 5 + 1 + i % 5, evidence: e))
        }
        let list = EdgeList(edges)
        func walk(_ visit: ((Int, Int, UInt16, Span<Double>) -> Void) -> Void) -> [[UInt64]] {
            var out: [[UInt64]] = []
            visit { a, b, kinds, weights in
                var row = [UInt64(a), UInt64(b), UInt64(kinds)]
                for i in weights.indices { row.append(weights[i].bitPattern) }
                out.append(row)
            }
            return out
        }
        let include = { (a: Int, b: Int) in (a * 7 + b) % 3 != 0 }
        let whole = walk { list.forEachStored(where: include, $0) }
        #expect(whole.count > 100)
        for parts in [1, 2, 3, 7, 301, 400] {
            let starts = list.partStarts(parts)
            #expect(starts.count == parts + 1 && starts.first == EdgeList.Position(edge: 0, weight: 0) && starts.last?.edge == list.count)
            let pieces = (0..<parts).flatMap { p in walk { list.forEachStored(from: starts[p], to: starts[p + 1].edge, where: include, $0) } }
            #expect(pieces == whole, "\(parts) parts")
        }
        // No edges: every part is empty.
        let none = EdgeList().partStarts(3)
        #expect(none.allSatisfy { $0 == EdgeList.Position(edge: 0, weight: 0) })
    }

    /// The spans of `withStored`, walked from a part's position as scoring and the case
    /// material walk them (an edge's weights are the next `kinds.nonzeroBitCount`), give
    /// the edges and weights `forEachStored` gives, for any split into parts.
    @Test func theStoredSpansWalkedFromAPartGiveWhatTheStoredWalkGives() {
        var edges: [Edge] = []
        for i in 0..<257 {
            var e = PairEvidence()
            for (k, kind) in EvidenceKind.allCases.enumerated() where (i * 5 + k) % 3 == 0 { e[kind] = k == 2 ? -0.0 : Double(i) - Double(k) / 8 }
            edges.append(Edge(a: i / 3, b: i / 3 + 1 + i % 3, evidence: e))
        }
        let list = EdgeList(edges)
        for parts in [1, 2, 5, 257] {
            let starts = list.partStarts(parts)
            for p in 0..<parts {
                var expected: [[UInt64]] = []
                list.forEachStored(from: starts[p], to: starts[p + 1].edge, where: { _, _ in true }) { a, b, kinds, weights in
                    var row = [UInt64(a), UInt64(b), UInt64(kinds)]
                    for i in weights.indices { row.append(weights[i].bitPattern) }
                    expected.append(row)
                }
                let walked = list.withStored { heads, weights -> [[UInt64]] in
                    var out: [[UInt64]] = []
                    var next = starts[p].weight
                    for e in starts[p].edge..<starts[p + 1].edge {
                        let h = heads[e], n = h.kinds.nonzeroBitCount
                        var row = [UInt64(h.a), UInt64(h.b), UInt64(h.kinds)]
                        for i in next..<(next + n) { row.append(weights[i].bitPattern) }
                        out.append(row)
                        next += n
                    }
                    return out
                }
                #expect(walked == expected, "part \(p) of \(parts)")
            }
        }
    }

    @Test(arguments: [1, 2])
    func shardsConcatenateInShardOrder(threads: Int) {
        var parts = [EdgeList.Builder(), EdgeList.Builder(), EdgeList.Builder()]
        var e = PairEvidence()
        e.family = 4
        parts[0].append(0, 1, e)
        e.ip = 0.5
        parts[2].append(2, 3, e)
        parts[2].append(2, 5, PairEvidence())
        let list = EdgeList.Builder.concatenate(&parts, threads: threads)
        #expect(parts.isEmpty)
        #expect(list.map { [$0.a, $0.b] } == [[0, 1], [2, 3], [2, 5]])
        #expect(list.map(\.evidence.total) == [4, 4.5, 0])
        #expect(!list.isEmpty && EdgeList().isEmpty)
    }
}
