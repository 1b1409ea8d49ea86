import DistillSupport

/// Splits a linked group that is several campaigns joined only by what they ask.
///
/// Two campaigns that draw on the same public prompt material (a dataset, a popular
/// instruction wording) are joined by family edges between every pair of their accounts,
/// while each is held together by more — its own cards, addresses, minute lockstep. The
/// group's connected component is then the union of both. Modularity (Louvain: nodes move
/// to the neighbouring community that gains the most, communities are folded into nodes,
/// repeat) finds the heavier blocks. A part is kept only when it is a block — most of its
/// member pairs linked — of at least a campaign's size; otherwise it goes back to the part
/// it is most tied to, so a sparse chain (a relay of hand-offs) is never cut into pieces,
/// and one uniform dense campaign has no better partition than itself.
struct CommunitySplit {
    /// Modularity resolution: 1 is the standard; 0 turns splitting off.
    var resolution: Double
    /// A part stays separate only when at least this share of its member pairs are linked.
    var minDensity: Double
    /// Two parts whose prompt-family mixes are at least this similar (cosine of their
    /// summed family shares) ask the same things: one campaign split by cards or pools.
    var sameMix: Double
    var minAccounts: Int

    /// An edge between member positions `a` and `b` of a group, with its total weight.
    /// Positions are 32-bit: a dense campaign's component holds nearly every pair of its
    /// accounts (834,000 edges for 1,292 accounts on the x1 bench corpus), and the split
    /// of the largest is where an analysis peaks in memory.
    typealias Edge = (a: Int32, b: Int32, w: Double)

    /// `group`: sorted account indexes; `edges`: (member position a, member position b,
    /// weight) inside the group; `families`: an account's family → share of its prompts.
    /// Returns the parts as sorted account indexes, ordered by their smallest member.
    /// `threads`: for the first level's rows of a large group.
    func split(_ group: [Int], edges: ArraySlice<Edge>, families: (Int) -> [Int: Double], threads: Int = 1) -> [[Int]] {
        guard resolution > 0, group.count >= 2 * minAccounts, !edges.isEmpty else { return [group] }
        var community = Self.louvain(nodes: group.count, edges: edges, resolution: resolution, threads: threads)
        community = absorbWeakParts(community, edges)
        community = joinSameMix(community, group.map(families))
        var parts: [Int: [Int]] = [:]
        for (i, c) in community.enumerated() { parts[c, default: []].append(group[i]) }
        return parts.values.sorted { $0[0] < $1[0] }
    }

    /// A part smaller than a campaign, or sparser inside than `minDensity` (a stretch of a
    /// chain rather than a block), joins the part it has the most edge weight to; the
    /// smallest such part first, until none is left. Works on the parts' graph (edges
    /// summed per pair of parts once, in edge order), not on every edge per absorption.
    /// Part labels are node positions, so sizes and inside counts are arrays: most edges
    /// are inside a part, and a hashed update per edge was most of the cost.
    func absorbWeakParts(_ community: [Int], _ edges: ArraySlice<Edge>) -> [Int] {
        let n = community.count
        var size = [Int](repeating: 0, count: n), inside = [Int](repeating: 0, count: n)
        for c in community { size[c] += 1 }
        var parts = size.reduce(0) { $0 + ($1 > 0 ? 1 : 0) }
        var between = Self.partsGraph(community, edges, inside: &inside)
        var into: [Int: Int] = [:]
        func weak(_ c: Int) -> Bool {
            let m = Double(size[c])
            return size[c] < minAccounts || Double(inside[c]) < minDensity * m * (m - 1) / 2
        }
        while parts > 1, let part = size.indices.first(where: { size[$0] > 0 && weak($0) }) {
            let ties = between[part] ?? [:]
            guard let target = ties.max(by: { ($0.value.w, $1.key) < ($1.value.w, $0.key) })?.key else { break }
            size[target] += size[part]
            size[part] = 0
            parts -= 1
            inside[target] += inside[part] + ties[target]!.n
            inside[part] = 0
            between[target]![part] = nil
            for (other, t) in ties where other != target {
                between[other]![part] = nil
                between[other]![target, default: (0, 0)].w += t.w; between[other]![target, default: (0, 0)].n += t.n
                between[target]![other, default: (0, 0)].w += t.w; between[target]![other, default: (0, 0)].n += t.n
            }
            between[part] = nil
            into[part] = target
        }
        func final(_ c: Int) -> Int { var c = c; while let t = into[c] { c = t }; return c }
        return community.map(final)
    }

    /// The summed weight and count of the edges between each two parts, both ways, each
    /// sum taken in edge order; `inside` counts the edges within each part. The cross
    /// edges are grouped by part (a counting sort) and each part's run summed through a
    /// slot per part: a hashed update per edge cost several times more.
    ///
    /// Few parts (a component's handful of campaigns; at most `denseCells` pairs of them)
    /// are summed in a square table instead, in the same edge order, in one pass.
    static func partsGraph(
        _ community: [Int], _ edges: ArraySlice<Edge>, inside: inout [Int], denseCells: Int = WeightedGraph.denseFoldCells
    ) -> [Int: [Int: (w: Double, n: Int)]] {
        let n = community.count
        var index = [Int](repeating: -1, count: n), labels: [Int] = []
        for c in community where index[c] < 0 {
            index[c] = labels.count
            labels.append(c)
        }
        let p = labels.count
        if WeightedGraph.fitsSquare(p, cells: denseCells) {
            var sum = [Double](repeating: 0, count: p * p), count = [Int](repeating: 0, count: p * p)
            for e in edges {
                let (x, y) = (community[Int(e.a)], community[Int(e.b)])
                if x == y { inside[x] += 1; continue }
                let xy = index[x] * p + index[y], yx = index[y] * p + index[x]
                sum[xy] += e.w; count[xy] += 1
                sum[yx] += e.w; count[yx] += 1
            }
            var between: [Int: [Int: (w: Double, n: Int)]] = [:]
            for i in 0..<p {
                var row: [Int: (w: Double, n: Int)] = [:]
                for j in 0..<p where count[i * p + j] > 0 { row[labels[j]] = (sum[i * p + j], count[i * p + j]) }
                if !row.isEmpty { between[labels[i]] = row }
            }
            return between
        }
        var start = [Int](repeating: 0, count: n + 1)
        for e in edges {
            let (x, y) = (community[Int(e.a)], community[Int(e.b)])
            if x == y { inside[x] += 1 } else { start[x + 1] += 1; start[y + 1] += 1 }
        }
        for i in 0..<n { start[i + 1] += start[i] }
        var fill = start
        var other = [Int32](repeating: 0, count: start[n]), weight = [Double](repeating: 0, count: start[n])
        for e in edges {
            let (x, y) = (community[Int(e.a)], community[Int(e.b)])
            guard x != y else { continue }
            other[fill[x]] = Int32(y); weight[fill[x]] = e.w; fill[x] += 1
            other[fill[y]] = Int32(x); weight[fill[y]] = e.w; fill[y] += 1
        }
        var between: [Int: [Int: (w: Double, n: Int)]] = [:]
        var slot = [Int](repeating: -1, count: n)
        var touched: [Int] = [], sums: [(w: Double, n: Int)] = []
        for x in 0..<n where start[x] < start[x + 1] {
            for k in start[x]..<start[x + 1] {
                let y = Int(other[k])
                if slot[y] < 0 { slot[y] = touched.count; touched.append(y); sums.append((0, 0)) }
                sums[slot[y]].w += weight[k]
                sums[slot[y]].n += 1
            }
            var row: [Int: (w: Double, n: Int)] = [:]
            for y in touched {
                row[y] = sums[slot[y]]
                slot[y] = -1
            }
            between[x] = row
            touched.removeAll(keepingCapacity: true)
            sums.removeAll(keepingCapacity: true)
        }
        return between
    }

    /// Parts asking the same things in the same proportions are one part.
    func joinSameMix(_ community: [Int], _ shares: [[Int: Double]]) -> [Int] {
        var mix: [Int: [Int: Double]] = [:]
        for (i, c) in community.enumerated() { mix[c, default: [:]].merge(shares[i], uniquingKeysWith: +) }
        guard mix.count > 1 else { return community }
        let parts = mix.keys.sorted()
        var norm: [Int: Double] = [:]
        for (c, v) in mix { norm[c] = v.keys.sorted().reduce(0.0) { $0 + v[$1]! * v[$1]! }.squareRoot() }
        var uf = UnionFind(community.count)
        for (n, x) in parts.enumerated() {
            for y in parts[(n + 1)...] {
                let (u, v) = (mix[x]!, mix[y]!)
                let dot = u.keys.sorted().reduce(0.0) { $0 + u[$1]! * (v[$1] ?? 0) }
                let scale = norm[x]! * norm[y]!
                if scale > 0 && dot / scale >= sameMix { uf.union(x, y) }
            }
        }
        return community.map { uf.find($0) }
    }

    /// Louvain modularity communities of a weighted graph: `result[node]` is a community
    /// label. Nodes are visited in index order and ties go to the smaller label, so the
    /// result depends only on the graph.
    static func louvain(nodes: Int, edges: ArraySlice<Edge>, resolution: Double, threads: Int = 1) -> [Int] {
        var labelOf = Array(0..<nodes)
        var graph = WeightedGraph(nodes: nodes, edges: edges, threads: threads)
        while true {
            let moved = graph.localMoving(resolution: resolution)
            guard let (folded, renumber) = graph.folded(moved) else { break }
            for i in labelOf.indices { labelOf[i] = renumber[labelOf[i]] }
            graph = folded
        }
        return labelOf
    }
}

extension CommunitySplit {
    /// Every component split into its parts, all ordered by their smallest member.
    func split(_ components: [[Int]], _ graph: EvidenceGraph, _ views: [AccountView], threads: Int) -> [[Int]] {
        let (edges, starts) = Self.componentEdges(components, graph.edges, accounts: views.count, threads: threads)
        // The component with the most edges first: items are claimed in order, and one
        // component can be most of the work (x1's largest has 834,000 of its edges); the
        // others then run beside it instead of before it. The parts are sorted at the end.
        let bySize = components.indices.sorted { (starts[$0 + 1] - starts[$0], $1) > (starts[$1 + 1] - starts[$1], $0) }
        let parts = parallelMap(bySize.count, threads: threads) { k in
            let c = bySize[k]
            // A large component's first level fills its rows on all threads (the others take turns with it).
            return split(components[c], edges: edges[starts[c]..<starts[c + 1]], families: { views[$0].families }, threads: threads)
        }
        return parts.flatMap { $0 }.sorted { $0[0] < $1[0] }
    }
}
