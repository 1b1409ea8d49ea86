import DistillTestSupport
import Testing

@testable import DistillLink

/// Issue 14 (B-cubed): campaigns that ask the same public prompt material are joined by
/// family edges between all their accounts; each is held together by heavier evidence of
/// its own. The split must separate them, and must never cut one campaign: a uniform
/// dense block, or a sparse chain of hand-offs.
@Suite("community split of linked components")
struct CommunitySplitTests {
    let splitter = CommunitySplit(resolution: 1, minDensity: 0.5, sameMix: 0.5, minAccounts: 3)

    /// Two blocks of `n` accounts: inside weight `inside`, every cross pair `cross`.
    static func twoBlocks(_ n: Int, inside: Double, cross: Double) -> [CommunitySplit.Edge] {
        var e: [CommunitySplit.Edge] = []
        for i in 0..<(2 * n) { for j in (i + 1)..<(2 * n) { e.append((Int32(i), Int32(j), (i < n) == (j < n) ? inside : cross)) } }
        return e
    }

    static func byBlock(_ n: Int) -> (Int) -> [Int: Double] { { [$0 < n ? 1 : 2: 1] } }

    @Test func twoCampaignsJoinedOnlyByASharedFamilyAreSplit() {
        let group = Array(100..<140)
        let parts = splitter.split(group, edges: Self.twoBlocks(20, inside: 6, cross: 3.6)[...], families: { [$0 < 120 ? 1 : 2: 1] })
        #expect(parts == [Array(100..<120), Array(120..<140)])
    }

    /// Cards make blocks inside one campaign (accounts on one card link more strongly), but
    /// every block asks the same things: one campaign.
    @Test func blocksAskingTheSameMixStayOneCampaign() {
        let group = Array(0..<40)
        #expect(splitter.split(group, edges: Self.twoBlocks(20, inside: 6, cross: 3.6)[...], families: { _ in [7: 0.5, 8: 0.5] }) == [group])
    }

    @Test func oneUniformCampaignStaysWhole() {
        let group = Array(0..<40)
        #expect(splitter.split(group, edges: Self.twoBlocks(20, inside: 4, cross: 4)[...], families: { [$0 < 20 ? 1 : 2: 1] }) == [group])
    }

    /// A relay: each account hands off to the next; modularity alone would cut the chain
    /// into stretches, which are not blocks.
    @Test func aSparseChainOfHandOffsIsNotCut() {
        let group = Array(0..<30)
        let chain = (0..<29).map { (a: Int32($0), b: Int32($0 + 1), w: 2.0) }
        #expect(splitter.split(group, edges: chain[...], families: { [$0 < 15 ? 1 : 2: 1] }) == [group])
    }

    /// A few accounts tied to the second block are not a campaign of their own.
    @Test func aPartBelowTheCampaignSizeJoinsThePartItIsMostTiedTo() {
        var edges = Self.twoBlocks(10, inside: 6, cross: 3)
        edges += [(20, 21, 6), (20, 15, 3), (21, 16, 3), (20, 16, 3), (21, 15, 3)]
        let parts = splitter.split(Array(0..<22), edges: edges[...], families: { [$0 < 10 ? 1 : 2: 1] })
        #expect(parts.count == 2 && parts[1].contains(20) && parts[1].contains(21))
    }

    @Test func theResultDoesNotDependOnEdgeOrderAndResolutionZeroTurnsItOff() {
        let edges = Self.twoBlocks(12, inside: 5, cross: 2)
        let group = Array(0..<24)
        #expect(splitter.split(group, edges: edges[...], families: Self.byBlock(12)) == splitter.split(group, edges: Array(edges.reversed())[...], families: Self.byBlock(12)))
        let off = CommunitySplit(resolution: 0, minDensity: 0.5, sameMix: 0.5, minAccounts: 3)
        #expect(off.split(group, edges: edges[...], families: Self.byBlock(12)) == [group])
    }

    /// Few parts are summed in a square table: the same parts' graph as the grouped rows,
    /// bit for bit, and the same inside counts.
    @Test func thePartsGraphIsTheSameSummedInATable() {
        var random = TestRandom(seed: 3)
        func next(_ n: Int) -> Int { random.next(n) }
        for _ in 0..<200 {
            let nodes = 1 + next(50)
            let edges = (0..<next(300)).map { _ -> CommunitySplit.Edge in
                (Int32(next(nodes)), Int32(next(nodes)), [0.1, 0.2, 0.3, 1e-9, 7.25, 1e16][next(6)])
            }
            let community = (0..<nodes).map { _ in next(1 + next(nodes)) }
            var insideRows = [Int](repeating: 0, count: nodes), insideTable = insideRows
            let rows = CommunitySplit.partsGraph(community, edges[...], inside: &insideRows, denseCells: 0)
            let table = CommunitySplit.partsGraph(community, edges[...], inside: &insideTable, denseCells: .max)
            #expect(insideRows == insideTable)
            func flat(_ g: [Int: [Int: (w: Double, n: Int)]]) -> [String] {
                g.keys.sorted().flatMap { x in g[x]!.keys.sorted().map { y in "\(x) \(y) \(g[x]![y]!.w.bitPattern) \(g[x]![y]!.n)" } }
            }
            #expect(flat(rows) == flat(table))
        }
    }
}

extension CommunitySplitTests {
    /// The components' edges, gathered in one walk into one array, are what the walk
    /// through `forEachStored` gave each component: its edges in graph order as (smaller
    /// position, larger position, stored weights summed in order), sorted by pair when the
    /// members' positions do not ascend with their accounts.
    @Test func eachComponentsEdgesAreItsStoredEdgesSummedInOrder() {
        var random = TestRandom(seed: 29)
        func next(_ n: Int) -> Int { random.next(n) }
        for round in 0..<100 {
            let accounts = 2 + next(60)
            let pairs = random.distinctPairs(nodes: accounts, draws: next(600))
            // Segments of a few edges: the walk is split into runs on several threads below.
            let list = EdgeList(
                pairs.map { p -> Edge in
                    var e = PairEvidence()
                    // Several kinds, zeros among them (not stored), sums that depend on their order.
                    let w = [0.1, 0.2, 0.3, 1e-9, 7.25, 1e16, 0.0]
                    e.payment = w[next(7)]; e.ip = w[next(7)]; e.family = w[next(7)]; e.sync = w[next(7)]; e.handoff = w[next(7)]
                    return Edge(a: p.a, b: p.b, evidence: e)
                }, headsPerSegment: 1 + next(9), weightsPerSegment: 10 + next(20))
            // Components: disjoint sets of accounts, some with members out of account order.
            var unused = Array(0..<accounts)
            var components: [[Int]] = []
            while unused.count >= 2 && next(4) > 0 {
                var members: [Int] = []
                for _ in 0..<(2 + next(min(unused.count - 1, 20))) { members.append(unused.remove(at: next(unused.count))) }
                components.append(next(3) == 0 ? members : members.sorted())
            }
            var expected = [[CommunitySplit.Edge]](repeating: [], count: components.count)
            var componentOf = [Int](repeating: -1, count: accounts), position = [Int](repeating: 0, count: accounts)
            for (c, m) in components.enumerated() { for (p, a) in m.enumerated() { componentOf[a] = c; position[a] = p } }
            list.forEachStored(where: { componentOf[$0] >= 0 && componentOf[$0] == componentOf[$1] }) { a, b, _, weights in
                var total = 0.0
                for i in weights.indices { total += weights[i] }
                let (x, y) = (Int32(position[a]), Int32(position[b]))
                expected[componentOf[a]].append((min(x, y), max(x, y), total))
            }
            for c in expected.indices { expected[c].sort { ($0.a, $0.b) < ($1.a, $1.b) } }
            for threads in [1, 2, 3] {
                let (edges, starts) = CommunitySplit.componentEdges(components, list, accounts: accounts, threads: threads, minEdges: 1)
                #expect(starts.count == components.count + 1 && starts.last == edges.count, "round \(round)")
                for c in components.indices {
                    let got = edges[starts[c]..<starts[c + 1]]
                    #expect(
                        got.map { "\($0.a) \($0.b) \($0.w.bitPattern)" } == expected[c].map { "\($0.a) \($0.b) \($0.w.bitPattern)" },
                        "round \(round), component \(c), \(threads) threads")
                }
            }
        }
    }
}
