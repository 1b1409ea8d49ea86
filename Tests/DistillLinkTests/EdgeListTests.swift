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

    /// Edges that fill several segments, some ending by their heads and some by their
    /// weights (an edge's weights never straddle two).
    static func segmentedEdges(_ n: Int) -> [Edge] {
        (0..<n).map { i in
            var e = PairEvidence()
            for (k, kind) in EvidenceKind.allCases.enumerated() where (i * 3 + k) % 4 == 0 || i % 17 == 0 {
                e[kind] = k == 2 ? -0.0 : Double(i) + Double(k) / 16
            }
            return Edge(a: i / 5, b: i / 5 + 1 + i % 5, evidence: e)
        }
    }

    /// The stored walk, as rows of accounts, kinds and weights' bit patterns.
    static func walk(_ visit: ((Int, Int, UInt16, Span<Double>) -> Void) -> Void) -> [[UInt64]] {
        var out: [[UInt64]] = []
        visit { a, b, kinds, weights in
            var row = [UInt64(a), UInt64(b), UInt64(kinds)]
            for i in weights.indices { row.append(weights[i].bitPattern) }
            out.append(row)
        }
        return out
    }

    /// Small segments give back the same edges, bit for bit, as one segment does: through
    /// the iterator, the filtered walk and the pairs.
    @Test func edgesAcrossSegmentsComeBackAsInOneSegment() {
        let edges = Self.segmentedEdges(301)
        let one = EdgeList(edges)
        let small = EdgeList(edges, headsPerSegment: 4, weightsPerSegment: 12)
        #expect(one.segmentCount == 1 && small.segmentCount > 301 / 4)
        #expect(small.count == 301)
        // Each segment within its sizes, allocated once: some end by their heads, some by their weights.
        let sizes = (0..<small.segmentCount).map { s in small.withSegment(s) { ($0.count, $1.count) } }
        #expect(sizes.allSatisfy { $0.0 <= 4 && $0.1 <= 12 })
        #expect(sizes.contains { $0.0 == 4 } && sizes.contains { $0.0 < 4 && $0.1 > 12 - PairEvidence.kindCount })
        let include = { (a: Int, b: Int) in (a * 7 + b) % 3 != 0 }
        #expect(Self.walk { small.forEachStored(where: include, $0) } == Self.walk { one.forEachStored(where: include, $0) })
        #expect(small.map { [$0.a, $0.b] + $0.evidence.weights.map { Int(bitPattern: UInt($0.bitPattern)) } }
            == edges.map { [$0.a, $0.b] + $0.evidence.weights.map { Int(bitPattern: UInt($0.bitPattern)) } })
        var pairs: [[Int]] = []
        small.forEachPair { pairs.append([$0, $1]) }
        #expect(pairs == edges.map { [$0.a, $0.b] })
    }

    /// The segments' spans walked as scoring and the case material walk them (an edge's
    /// weights are the next `kinds.nonzeroBitCount` of its segment's), split into runs of
    /// segments for threads, give the edges and weights `forEachStored` gives, the runs in
    /// order, for any number of parts.
    @Test func theSegmentSpansSplitIntoPartsGiveTheStoredWalkInOrder() {
        let list = EdgeList(Self.segmentedEdges(257), headsPerSegment: 5, weightsPerSegment: 11)
        let whole = Self.walk { list.forEachStored(where: { _, _ in true }, $0) }
        for parts in [1, 2, 3, 7, list.segmentCount, 400] {
            let starts = list.segmentParts(parts)
            #expect(starts.count == parts + 1 && starts.first == 0 && starts.last == list.segmentCount, "\(parts) parts")
            #expect(zip(starts, starts.dropFirst()).allSatisfy { $0 <= $1 })
            var walked: [[UInt64]] = []
            var sizes: [Int] = []
            for p in 0..<parts {
                var size = 0
                for s in starts[p]..<starts[p + 1] {
                    list.withSegment(s) { heads, weights in
                        var next = 0
                        for e in heads.indices {
                            let h = heads[e], n = h.kinds.nonzeroBitCount
                            var row = [UInt64(h.a), UInt64(h.b), UInt64(h.kinds)]
                            for i in next..<(next + n) { row.append(weights[i].bitPattern) }
                            walked.append(row)
                            next += n
                        }
                        #expect(next == weights.count)
                        size += heads.count
                    }
                }
                sizes.append(size)
            }
            #expect(walked == whole, "\(parts) parts")
            // About equal parts: none more than a segment (at most 5 edges) over its share.
            if parts <= list.segmentCount { #expect(sizes.allSatisfy { $0 <= 257 / parts + 5 + 1 }, "\(parts) parts: \(sizes)") }
        }
        // No edges: every part is empty.
        #expect(EdgeList().segmentParts(3) == [0, 0, 0, 0])
    }

    /// The fold's shards become the list in shard order (their segments, no copy), empty
    /// shards and all.
    @Test func shardsJoinInShardOrder() {
        var parts = [EdgeList.Builder(), EdgeList.Builder(), EdgeList.Builder(), EdgeList.Builder(headsPerSegment: 1)]
        var e = PairEvidence()
        e.family = 4
        parts[0].append(0, 1, e)
        e.ip = 0.5
        parts[2].append(2, 3, e)
        parts[2].append(2, 5, PairEvidence())
        parts[3].append(3, 4, e)
        parts[3].append(3, 6, e)
        let list = EdgeList(parts: parts)
        #expect(list.map { [$0.a, $0.b] } == [[0, 1], [2, 3], [2, 5], [3, 4], [3, 6]])
        #expect(list.map(\.evidence.total) == [4, 4.5, 0, 4.5, 4.5])
        #expect(list.count == 5 && list.segmentCount == 4)
        #expect(!list.isEmpty && EdgeList().isEmpty && EdgeList().segmentCount == 0)
    }
}
