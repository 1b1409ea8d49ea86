import DistillSupport

extension WeightedGraph {
    /// The graph of edges that are strictly ascending pairs (a < b, each pair after the
    /// one before it), as the split hands a component's edges over; nil for any other list.
    ///
    /// Then every row fills in ascending neighbour order, each neighbour once (a row's
    /// smaller neighbours come from earlier edges than its larger ones), so the rows need
    /// neither the general path's check nor its fold: they are the rows it makes, with
    /// the same weights. Written through unchecked views once every index is checked: this
    /// first level of the largest component (834,000 edges on the x1 bench corpus) was
    /// built on one thread while the rest of the link stage waited.
    ///
    /// The rows are filled in `threads` parts of about equal size, each part its own run of
    /// nodes on its own thread, straight into uninitialized arrays: the rows are fresh memory
    /// (20 MB for that component), and on a virtual machine its page faults, taken on one
    /// thread after a zeroing pass of its own, were most of the level's time.
    /// `minEntries`: the fewest row entries per part (`minEntriesPerPart`; tests make parts of a few).
    static func strictlyAscendingRows(
        nodes: Int, edges: ArraySlice<CommunitySplit.Edge>, threads: Int = 1, minEntries: Int = minEntriesPerPart
    ) -> WeightedGraph? {
        guard nodes > 0 else { return nil }
        var previous: (a: Int32, b: Int32) = (-1, -1)
        var total = 0.0
        for e in edges {
            guard e.a >= 0 && e.a < e.b && Int(e.b) < nodes && (e.a, e.b) > previous else { return nil }
            previous = (e.a, e.b)
            total += e.w
        }
        var start = [Int](repeating: 0, count: nodes + 1)
        edges.withUnsafeBufferPointer { list in
            start.withUnsafeMutableBufferPointer { rows in
                // SAFETY: checked above: 0 <= a < b < nodes for every edge, so `a + 1` and `b + 1` index the nodes + 1 row starts.
                for e in list { rows[Int(e.a) + 1] += 1; rows[Int(e.b) + 1] += 1 }
                for i in 0..<nodes { rows[i + 1] += rows[i] }
            }
        }
        let entries = 2 * edges.count
        let bounds = partBounds(start, parts: max(1, min(threads, entries / max(1, minEntries))))
        var weight: [Double] = []
        let neighbour = [Int32](unsafeUninitializedCapacity: entries) { ns, filledNeighbours in
            weight = [Double](unsafeUninitializedCapacity: entries) { ws, filledWeights in
                let out = UncheckedSendable((ns.baseAddress, ws.baseAddress)), rows = start
                edges.withUnsafeBufferPointer { list in
                    let all = UncheckedSendable(list)
                    _ = parallelMap(bounds.count - 1, threads: threads) { p in
                        fillRows(bounds[p]..<bounds[p + 1], rows: rows, edges: all.value, neighbours: out.value.0, weights: out.value.1)
                    }
                }
                filledWeights = entries
            }
            filledNeighbours = entries
        }
        return WeightedGraph(
            start: start, neighbour: neighbour, weight: weight, selfLoop: [Double](repeating: 0, count: nodes), total: total)
    }

    /// Row entries a part of `strictlyAscendingRows`' fill has at least (a smaller level is
    /// filled on one thread: a part reads every edge before its own rows' end).
    static let minEntriesPerPart = 1 << 17

    /// The first node of each of `parts` runs of nodes with about equal numbers of row
    /// entries (`start`: the rows' offsets, `nodes + 1` of them), then the node count.
    static func partBounds(_ start: [Int], parts: Int) -> [Int] {
        let nodes = start.count - 1, entries = start[nodes]
        var bounds = [0]
        var node = 0
        for p in 1..<max(1, parts) {
            // `entries / parts * p` and the remainder's share: no product that could overflow.
            let target = entries / parts * p + entries % parts * p / parts
            while node < nodes && start[node] < target { node += 1 }
            bounds.append(max(node, bounds[p - 1]))
        }
        bounds.append(nodes)
        return bounds
    }

    /// Writes the row entries of the nodes in `owned` (`rows[i]..<rows[i + 1]` for node
    /// `i`): each edge's end in `owned` gets the other end and the weight, in edge order,
    /// so each row comes out ascending. Edges are in ascending (a, b) order, so the walk
    /// stops at the first edge whose `a` is past `owned` (no later edge ends in it).
    private static func fillRows(
        _ owned: Range<Int>, rows: [Int], edges: UnsafeBufferPointer<CommunitySplit.Edge>,
        neighbours: UnsafeMutablePointer<Int32>?, weights: UnsafeMutablePointer<Double>?
    ) {
        guard !owned.isEmpty, let neighbours, let weights else { return }
        var next = Array(rows[owned])
        let first = owned.lowerBound
        // SAFETY: `strictlyAscendingRows` checked 0 <= a < b < nodes for every edge and
        // counted each end into `rows`, so row i's `next[i - first]` runs through exactly
        // `rows[i]..<rows[i + 1]`, within the `2 * edges.count` entries both buffers hold;
        // an entry is written only for an end in `owned`, so no two parts write one entry,
        // and every entry of the owned rows is written once (Int32 and Double are trivial:
        // writing initializes).
        next.withUnsafeMutableBufferPointer { next in
            for e in edges {
                let a = Int(e.a), b = Int(e.b)
                if a >= owned.upperBound { break }
                if a >= first {
                    neighbours[next[a - first]] = e.b; weights[next[a - first]] = e.w; next[a - first] += 1
                }
                if b >= first && b < owned.upperBound {
                    neighbours[next[b - first]] = e.a; weights[next[b - first]] = e.w; next[b - first] += 1
                }
            }
        }
    }
}
