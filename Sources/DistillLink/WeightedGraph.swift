/// An undirected weighted graph with self-loops in compressed rows (each node's
/// neighbours contiguous, sorted): the Louvain levels of `CommunitySplit`. Compact because
/// a campaign's component can hold hundreds of thousands of edges.
struct WeightedGraph {
    /// `start[i]..<start[i + 1]` index node i's neighbours in `neighbour` and `weight`.
    var start: [Int]
    var neighbour: [Int32]
    var weight: [Double]
    var selfLoop: [Double]
    /// Σ of all edge weights (self-loops once).
    var total: Double

    init(start: [Int], neighbour: [Int32], weight: [Double], selfLoop: [Double], total: Double) {
        self.start = start; self.neighbour = neighbour; self.weight = weight
        self.selfLoop = selfLoop
        self.total = total
    }

    /// `edges` may repeat a pair (their weights add, in the order given) and hold self-loops.
    /// `ascendingPath`: whether strictly ascending pairs take `strictlyAscendingRows`
    /// (tests compare both ways), which fills its rows on `threads` threads.
    init(nodes: Int, edges: ArraySlice<CommunitySplit.Edge>, ascendingPath: Bool = true, threads: Int = 1) {
        if ascendingPath, let rows = Self.strictlyAscendingRows(nodes: nodes, edges: edges, threads: threads) {
            self = rows
            return
        }
        var loops = [Double](repeating: 0, count: nodes)
        var total = 0.0
        for e in edges {
            total += e.w
            if e.a == e.b { loops[Int(e.a)] += e.w }
        }
        self.init(nodes: nodes, loops: loops, total: total) { body in
            for e in edges where e.a != e.b { body(Int(e.a), Int(e.b), e.w) }
        }
    }

    /// `loops` and `total` already summed; `forEachEdge` lists the other edges, the same
    /// ones in the same order each time it is called (twice: to count, then to fill), so
    /// that a folded level needs no list of its edges.
    private init(nodes: Int, loops: [Double], total: Double, forEachEdge: ((Int, Int, Double) -> Void) -> Void) {
        // Spans, not the arrays, inside the per-edge closures: an array element written
        // there is a uniqueness check each time (a dense component has a million edges).
        var count = [Int](repeating: 0, count: nodes + 1)
        do {
            var c = count.mutableSpan
            forEachEdge { a, b, _ in c[a + 1] += 1; c[b + 1] += 1 }
            for i in 0..<nodes { c[i + 1] += c[i] }
        }
        // Rows filled in place, then each sorted by neighbour (stable, so repeated pairs
        // add in input order) and folded; no second copy of the edges.
        var fill = count
        var neighbour = [Int32](repeating: 0, count: count[nodes]), weight = [Double](repeating: 0, count: count[nodes])
        var start = [Int](repeating: 0, count: nodes + 1)
        var write = 0
        do {
            var f = fill.mutableSpan, ns = neighbour.mutableSpan, ws = weight.mutableSpan
            forEachEdge { a, b, w in
                ns[f[a]] = Int32(b); ws[f[a]] = w; f[a] += 1
                ns[f[b]] = Int32(a); ws[f[b]] = w; f[b] += 1
            }
            let counted = count.span
            var st = start.mutableSpan
            // A row's repeated neighbours are summed through a slot per node, in input order
            // (what a stable sort by neighbour then a fold would sum), then written ascending.
            var slot = [Int32](repeating: -1, count: nodes)
            var touched: [Int32] = [], sums: [Double] = []
            for i in 0..<nodes {
                let range = counted[i]..<counted[i + 1]
                st[i] = write
                // Edges sorted by (a, b) fill every row in order already (the first level).
                var sorted = true
                if range.count > 1 { for k in (range.lowerBound + 1)..<range.upperBound where ns[k - 1] >= ns[k] { sorted = false; break } }
                if sorted {
                    // In place already while no earlier row has been compacted (the first level).
                    if write == range.lowerBound {
                        write = range.upperBound
                    } else {
                        for k in range { ns[write] = ns[k]; ws[write] = ws[k]; write += 1 }
                    }
                    continue
                }
                for k in range {
                    let node = Int(ns[k])
                    if slot[node] < 0 {
                        slot[node] = Int32(truncatingIfNeeded: touched.count)
                        touched.append(ns[k])
                        sums.append(ws[k])
                    } else {
                        sums[Int(slot[node])] += ws[k]
                    }
                }
                // The row is read whole before it is compacted in place.
                touched.sort()
                for node in touched {
                    ns[write] = node; ws[write] = sums[Int(slot[Int(node)])]; write += 1
                    slot[Int(node)] = -1
                }
                touched.removeAll(keepingCapacity: true)
                sums.removeAll(keepingCapacity: true)
            }
            st[nodes] = write
        }
        neighbour.removeLast(neighbour.count - write); weight.removeLast(weight.count - write)
        self.init(start: start, neighbour: neighbour, weight: weight, selfLoop: loops, total: total)
    }

    var nodes: Int { selfLoop.count }

    /// Weighted degree (a self-loop counts twice, as both its ends).
    func degree(_ i: Int) -> Double {
        var d = 2 * selfLoop[i]
        for k in start[i]..<start[i + 1] { d += weight[k] }
        return d
    }

    /// The graph of communities (nil when every node is its own community: nothing moved),
    /// and each old node's new index (communities numbered by their smallest node).
    /// `denseCells`: the most cells of a square table to sum the communities' graph in
    /// (`denseFoldCells`; tests compare both ways).
    func folded(_ community: [Int], denseCells: Int = Self.denseFoldCells) -> (WeightedGraph, [Int])? {
        var number = [Int](repeating: -1, count: nodes), communities = 0
        for c in community where number[c] < 0 { number[c] = communities; communities += 1 }
        guard communities < nodes else { return nil }
        let renumber = community.map { number[$0] }
        // Summed in the order of each node's self-loop, then its later neighbours; edges
        // inside a community go straight to its self-loop, the others are read twice from
        // this graph (no list of a level's edges).
        var loops = [Double](repeating: 0, count: communities), total = 0.0
        let rows = start.span, neighbours = neighbour.span, weights = weight.span, to = renumber.span
        do {
            var l = loops.mutableSpan
            for i in 0..<nodes {
                if selfLoop[i] > 0 { total += selfLoop[i]; l[to[i]] += selfLoop[i] }
                for x in rows[i]..<rows[i + 1] where Int(neighbours[x]) > i {
                    total += weights[x]
                    if to[i] == to[Int(neighbours[x])] { l[to[i]] += weights[x] }
                }
            }
        }
        func forEachEdge(_ body: (Int, Int, Double) -> Void) {
            for i in 0..<nodes {
                for x in rows[i]..<rows[i + 1] where Int(neighbours[x]) > i && to[i] != to[Int(neighbours[x])] {
                    body(to[i], to[Int(neighbours[x])], weights[x])
                }
            }
        }
        if Self.fitsSquare(communities, cells: denseCells) {
            return (WeightedGraph(denseNodes: communities, loops: loops, total: total, forEachEdge: forEachEdge), renumber)
        }
        return (WeightedGraph(nodes: communities, loops: loops, total: total, forEachEdge: forEachEdge), renumber)
    }

    /// Communities few enough that a level's graph is summed in a square table (a large
    /// component's first level folds into a handful: every cross edge, some hundreds of
    /// thousands, went into rows of a few nodes to be summed again per row).
    static let denseFoldCells = 1 << 16

    /// Whether a `count` × `count` table has at most `cells` cells (no product that could
    /// overflow); the split's parts' graph uses the same test.
    static func fitsSquare(_ count: Int, cells: Int) -> Bool { count <= cells / max(1, count) }

    /// The graph of `init(nodes:loops:total:forEachEdge:)`, each pair's weights summed in
    /// a cell of a `nodes` × `nodes` table as `forEachEdge` lists them (the order the rows
    /// sum them in there), in one pass: a pair's first weight is taken as it is, as a row's
    /// first entry is.
    private init(denseNodes nodes: Int, loops: [Double], total: Double, forEachEdge: ((Int, Int, Double) -> Void) -> Void) {
        var cell = [Double](repeating: 0, count: nodes * nodes)
        var seen = [Bool](repeating: false, count: nodes * nodes)
        do {
            var c = cell.mutableSpan, s = seen.mutableSpan
            forEachEdge { a, b, w in
                let ab = a * nodes + b, ba = b * nodes + a
                if s[ab] { c[ab] += w } else { c[ab] = w; s[ab] = true }
                if s[ba] { c[ba] += w } else { c[ba] = w; s[ba] = true }
            }
        }
        var start = [Int](repeating: 0, count: nodes + 1)
        var neighbour: [Int32] = [], weight: [Double] = []
        for i in 0..<nodes {
            for j in 0..<nodes where seen[i * nodes + j] {
                neighbour.append(Int32(j))
                weight.append(cell[i * nodes + j])
            }
            start[i + 1] = neighbour.count
        }
        self.init(start: start, neighbour: neighbour, weight: weight, selfLoop: loops, total: total)
    }
}
