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
            let graph = WeightedGraph(nodes: nodes, edges: edges)
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
}
