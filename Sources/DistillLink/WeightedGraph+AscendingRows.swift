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
    static func strictlyAscendingRows(nodes: Int, edges: ArraySlice<CommunitySplit.Edge>) -> WeightedGraph? {
        guard nodes > 0 else { return nil }
        var previous: (a: Int32, b: Int32) = (-1, -1)
        var total = 0.0
        for e in edges {
            guard e.a >= 0 && e.a < e.b && Int(e.b) < nodes && (e.a, e.b) > previous else { return nil }
            previous = (e.a, e.b)
            total += e.w
        }
        var start = [Int](repeating: 0, count: nodes + 1)
        var neighbour = [Int32](repeating: 0, count: 2 * edges.count), weight = [Double](repeating: 0, count: 2 * edges.count)
        edges.withUnsafeBufferPointer { list in
            start.withUnsafeMutableBufferPointer { rows in
                // SAFETY: checked above: 0 <= a < b < nodes for every edge, so `a + 1` and `b + 1` index the nodes + 1 row starts.
                for e in list { rows[Int(e.a) + 1] += 1; rows[Int(e.b) + 1] += 1 }
                for i in 0..<nodes { rows[i + 1] += rows[i] }
            }
            var fill = Array(start.dropLast())
            fill.withUnsafeMutableBufferPointer { next in
                neighbour.withUnsafeMutableBufferPointer { ns in
                    weight.withUnsafeMutableBufferPointer { ws in
                        // SAFETY: a and b are below nodes (checked above), and row i receives exactly the count of entries its start was given, so every `next[i]` stays below `start[i + 1] <= 2 * edges.count`, the buffers' size.
                        for e in list {
                            let a = Int(e.a), b = Int(e.b)
                            ns[next[a]] = e.b; ws[next[a]] = e.w; next[a] += 1
                            ns[next[b]] = e.a; ws[next[b]] = e.w; next[b] += 1
                        }
                    }
                }
            }
        }
        return WeightedGraph(
            start: start, neighbour: neighbour, weight: weight, selfLoop: [Double](repeating: 0, count: nodes), total: total)
    }
}
