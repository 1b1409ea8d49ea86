import DistillTestSupport
import Testing

@testable import DistillLink

/// A Louvain level's graph of communities is summed in a square table when there are few
/// communities; it must be the graph the per-row fold makes, bit for bit (the split's
/// modularity gains, and so the campaigns, depend on every sum's order).
@Suite("weighted graph folding")
struct WeightedGraphTests {
    @Test func theTableFoldIsTheRowFoldBitForBitAndRowsSumInEdgeOrder() throws {
        var random = TestRandom(seed: 5)
        func next(_ n: Int) -> Int { random.next(n) }
        var folds = 0
        for _ in 0..<200 {
            let nodes = 1 + next(60)
            // Repeated pairs, self-loops and weights whose sums depend on their order.
            let unsorted = (0..<next(400)).map { _ -> CommunitySplit.Edge in
                (Int32(next(nodes)), Int32(next(nodes)), [0.1, 0.2, 0.3, 1e-9, 7.25, 1e16, -0.0, .infinity, -.infinity][next(9)])
            }.map { e -> CommunitySplit.Edge in (min(e.a, e.b), max(e.a, e.b), e.w) }
            // Sorted as the split hands them over, or as they come (rows out of order).
            let edges = next(3) == 0 ? unsorted : unsorted.sorted { ($0.a, $0.b) < ($1.a, $1.b) }
            let graph = WeightedGraph(nodes: nodes, edges: edges[...])
            // The rows: each node's other ends ascending, a repeated pair's weights summed in edge order.
            var sums = [[Int32: Double]](repeating: [:], count: nodes)
            for e in edges where e.a != e.b {
                sums[Int(e.a)][e.b] = sums[Int(e.a)][e.b].map { $0 + e.w } ?? e.w
                sums[Int(e.b)][e.a] = sums[Int(e.b)][e.a].map { $0 + e.w } ?? e.w
            }
            for i in 0..<nodes {
                let row = graph.start[i]..<graph.start[i + 1]
                #expect(Array(graph.neighbour[row]) == sums[i].keys.sorted())
                #expect(graph.weight[row].map { $0.bitPattern } == sums[i].keys.sorted().map { sums[i][$0]!.bitPattern })
            }
            let community = (0..<nodes).map { _ in next(1 + next(nodes)) }
            let rows = graph.folded(community, denseCells: 0), table = graph.folded(community, denseCells: .max)
            #expect((rows == nil) == (table == nil))
            guard let rows, let table else { continue }
            let (a, renumberA) = rows, (b, renumberB) = table
            folds += 1
            #expect(renumberA == renumberB)
            #expect(a.start == b.start && a.neighbour == b.neighbour)
            #expect(a.weight.map { $0.bitPattern } == b.weight.map { $0.bitPattern })
            #expect(a.selfLoop.map { $0.bitPattern } == b.selfLoop.map { $0.bitPattern } && a.total.bitPattern == b.total.bitPattern)
            // A second level from each is the same too.
            let again = (0..<a.nodes).map { _ in next(a.nodes) }
            let a2 = a.folded(again, denseCells: 0), b2 = b.folded(again, denseCells: .max)
            #expect(a2?.0.neighbour == b2?.0.neighbour && a2?.0.weight.map { $0.bitPattern } == b2?.0.weight.map { $0.bitPattern })
        }
        #expect(folds > 100)
    }

    /// The Louvain level as a plain loop over the arrays (what `localMoving` was before its
    /// rows were read unchecked): the same visiting order, sums and tie rule.
    static func plainLocalMoving(_ g: WeightedGraph, resolution: Double) -> [Int] {
        let n = g.nodes
        var community = Array(0..<n)
        let k = (0..<n).map(g.degree)
        var tot = k
        let twoM = 2 * g.total
        guard twoM > 0 else { return community }
        var links = [Double](repeating: 0, count: n)
        var touched: [Int] = []
        for _ in 0..<32 {
            var moves = 0
            for i in 0..<n {
                let own = community[i]
                for x in g.start[i]..<g.start[i + 1] {
                    let c = community[Int(g.neighbour[x])]
                    if links[c] == 0 { touched.append(c) }
                    links[c] += g.weight[x]
                }
                tot[own] -= k[i]
                var best = own, bestGain = links[own] - resolution * tot[own] * k[i] / twoM
                touched.sort()
                for c in touched where c != own {
                    let g = links[c] - resolution * tot[c] * k[i] / twoM
                    if g > bestGain + 1e-12 { best = c; bestGain = g }
                }
                for c in touched { links[c] = 0 }
                touched.removeAll()
                tot[best] += k[i]
                if best != own { community[i] = best; moves += 1 }
            }
            if moves == 0 { break }
        }
        return community
    }

    @Test func aLouvainLevelMovesNodesAsThePlainLoopDoes() {
        var random = TestRandom(seed: 11)
        func next(_ n: Int) -> Int { random.next(n) }
        var moved = 0
        for round in 0..<300 {
            let nodes = 1 + next(80)
            // Blocks of dense pairs (campaigns) over sparse noise, with repeated pairs,
            // self-loops, zero weights (a community touched twice) and ties.
            let blocks = 1 + next(4)
            var edges: [CommunitySplit.Edge] = []
            for _ in 0..<next(900) {
                var a = next(nodes), b = next(nodes)
                if next(3) > 0 { b = (a / max(1, nodes / blocks)) * max(1, nodes / blocks) + next(max(1, nodes / blocks)); b = min(b, nodes - 1) }
                if a > b { swap(&a, &b) }
                let w = [1.0, 1.0, 0.5, 0.0, 0.3, 2.75, 1e-9, 0.1][next(8)]
                edges.append((Int32(a), Int32(b), w))
            }
            edges.sort { ($0.a, $0.b) < ($1.a, $1.b) }
            let graph = WeightedGraph(nodes: nodes, edges: edges[...])
            let resolution = round % 3 == 0 ? 1.0 : [0.5, 2.0, 0.01][next(3)]
            let fast = graph.localMoving(resolution: resolution)
            #expect(fast == Self.plainLocalMoving(graph, resolution: resolution), "round \(round)")
            if fast != Array(0..<nodes) { moved += 1 }
        }
        // Most graphs have nodes that move: the comparison is not of untouched labels.
        #expect(moved > 200)
    }

    @Test func strictlyAscendingEdgesMakeTheRowsOfTheGeneralPath() {
        var random = TestRandom(seed: 17)
        func next(_ n: Int) -> Int { random.next(n) }
        var fast = 0
        for _ in 0..<300 {
            let nodes = 1 + next(70)
            var edges = random.distinctPairs(nodes: nodes, draws: next(800)).map { p -> CommunitySplit.Edge in
                (Int32(p.a), Int32(p.b), [0.1, 0.2, 0.3, 1e-9, 7.25, 1e16, 0.0][next(7)])
            }
            // Now and then a list the ascending path must refuse: a repeated pair, a
            // self-loop, a pair out of order.
            if !edges.isEmpty && next(4) == 0 {
                let e = edges[next(edges.count)]
                switch next(3) {
                case 0: edges.append(e)
                case 1: edges.append((e.b, e.b, 0.5))
                default: edges.insert(edges.removeLast(), at: 0)
                }
            }
            let ascending = WeightedGraph.strictlyAscendingRows(nodes: nodes, edges: edges[...]) != nil
            if ascending { fast += 1 }
            let a = WeightedGraph(nodes: nodes, edges: edges[...]), b = WeightedGraph(nodes: nodes, edges: edges[...], ascendingPath: false)
            #expect(a.start == b.start && a.neighbour == b.neighbour)
            #expect(a.weight.map { $0.bitPattern } == b.weight.map { $0.bitPattern })
            #expect(a.selfLoop.map { $0.bitPattern } == b.selfLoop.map { $0.bitPattern } && a.total.bitPattern == b.total.bitPattern)
            // Filled in parts of a few entries on several threads, the rows are the same.
            for threads in [2, 3, 8] where ascending {
                let c = WeightedGraph.strictlyAscendingRows(nodes: nodes, edges: edges[...], threads: threads, minEntries: 3)!
                #expect(c.start == b.start && c.neighbour == b.neighbour, "\(threads) threads")
                #expect(c.weight.map { $0.bitPattern } == b.weight.map { $0.bitPattern }, "\(threads) threads")
            }
        }
        #expect(fast > 150 && fast < 300)
    }

    /// The rows' parts are runs of nodes that tile them, ascending, of about equal entries.
    @Test func rowPartsTileTheNodesWithAboutEqualEntries() {
        // Node i has i entries: 0, 1, …, 99 (4,950 in all).
        var start = [0]
        for i in 0..<100 { start.append(start[i] + i) }
        for parts in [1, 2, 3, 7, 100, 150] {
            let bounds = WeightedGraph.partBounds(start, parts: parts)
            #expect(bounds.count == parts + 1 && bounds.first == 0 && bounds.last == 100, "\(parts) parts")
            #expect(zip(bounds, bounds.dropFirst()).allSatisfy { $0 <= $1 }, "\(parts) parts")
            // No part more than a node (at most 99 entries) over its share.
            let sizes = zip(bounds, bounds.dropFirst()).map { start[$1] - start[$0] }
            #expect(sizes.allSatisfy { $0 <= 4950 / parts + 99 + 1 }, "\(parts) parts: \(sizes)")
        }
        #expect(WeightedGraph.partBounds([0, 0, 0], parts: 2) == [0, 0, 2])
    }
}
