import DistillSupport

extension CommunitySplit {
    /// The edges inside each component as (member position, member position, total), in
    /// one array: component `c`'s are `edges[starts[c]..<starts[c + 1]]`, in ascending
    /// pair order. Each component reads its own slice (no array of its own to grow, and no
    /// copy of it alive beside this one). The graph is walked through its segments' spans:
    /// a walk through `forEachStored`'s closures, appending to an array per component,
    /// cost ~170 instructions an edge (a million edges on the x1 bench corpus).
    ///
    /// The segments are split into `threads` runs, each counted and then written on its
    /// own thread: a run's edges of a component go after the earlier runs' ones, so every
    /// component's edges keep the graph's order. The walk had held up the link stage on
    /// one thread (11–40 ms on x1, most of it the page faults of the new array).
    /// (`minEdges`: the fewest edges per run, `minEdgesPerRun`; tests make runs of a few.)
    static func componentEdges(
        _ components: [[Int]], _ graph: EdgeList, accounts: Int, threads: Int = 1, minEdges: Int = minEdgesPerRun
    ) -> (edges: [Edge], starts: [Int]) {
        // Positions within one component are below the number of accounts, checked (never wrapped).
        var componentOf = [Int32](repeating: -1, count: accounts), position = [Int32](repeating: 0, count: accounts)
        for (c, members) in components.enumerated() {
            for (p, a) in members.enumerated() { componentOf[a] = Int32(c); position[a] = Int32(p) }
        }
        let runs = graph.segmentParts(max(1, min(threads, graph.count / max(1, minEdges))))
        let (inComponents, inPositions) = (componentOf, position)
        // Each run's count of edges per component.
        let counts = parallelMap(runs.count - 1, threads: threads) { r -> [Int] in
            var count = [Int](repeating: 0, count: components.count)
            graph.forEachPair(segments: runs[r]..<runs[r + 1]) { a, b in
                let c = inComponents[a]
                if c >= 0 && c == inComponents[b] { count[Int(c)] += 1 }
            }
            return count
        }
        var starts = [Int](repeating: 0, count: components.count + 1)
        // Where each run's edges of each component start: after the earlier runs' ones.
        var from = [[Int]](repeating: [Int](repeating: 0, count: components.count), count: counts.count)
        var total = 0
        for c in components.indices {
            starts[c] = total
            for r in counts.indices {
                from[r][c] = total
                total += counts[r][c]
            }
        }
        starts[components.count] = total
        let firsts = from
        var ascending = [Bool](repeating: true, count: components.count)
        // SAFETY: run `r` writes component `c`'s slots `from[r][c]..<from[r][c] + counts[r][c]`
        // alone (`fill` checks each write below that end, and that it reached it), and those
        // ranges tile `0..<total`; `parallelMap` joins every run before `initialized` is set.
        var edges = [Edge](unsafeUninitializedCapacity: total) { buffer, initialized in
            let out = UncheckedSendable(buffer)
            let orderly = parallelMap(runs.count - 1, threads: threads) { r -> [Bool] in
                let ends = components.indices.map { firsts[r][$0] + counts[r][$0] }
                var cursor = firsts[r], ascends = [Bool](repeating: true, count: components.count)
                for s in runs[r]..<runs[r + 1] {
                    graph.withSegment(s) { heads, weights in
                        fill(out.value, heads, weights, componentOf: inComponents, position: inPositions, from: firsts[r], to: ends, cursor: &cursor, ascending: &ascends)
                    }
                }
                precondition(cursor == ends, "fewer edges in a component than counted")
                return ascends
            }
            for c in components.indices {
                if orderly.contains(where: { !$0[c] }) { ascending[c] = false }
                // Where one run's edges of the component meet the next one's.
                for r in firsts.indices.dropFirst() where counts[r][c] > 0 {
                    let at = firsts[r][c]
                    if at > starts[c] && (buffer[at].a, buffer[at].b) < (buffer[at - 1].a, buffer[at - 1].b) { ascending[c] = false }
                }
            }
            initialized = total
        }
        // Sums follow edge order. The graph keeps its edges in ascending (a, b) order and
        // positions ascend with account indexes, so this is only a check (no sort buffer).
        for c in components.indices where !ascending[c] {
            edges[starts[c]..<starts[c + 1]].sort { ($0.a, $0.b) < ($1.a, $1.b) }
        }
        return (edges, starts)
    }

    /// Edges a run of `componentEdges`' walk has at least (fewer are walked on one thread).
    static let minEdgesPerRun = 1 << 16

    /// `componentEdges`' walk of one segment of the graph (its heads and their weights):
    /// each edge inside a component written at its component's next slot of `buffer`
    /// (`cursor[c]`, from `from[c]` up to `to[c]`, the run's share of the component's
    /// slots), through unchecked views once every index is checked; clears `ascending[c]`
    /// when the run's pairs of component `c` do not come in ascending order.
    private static func fill(
        _ buffer: UnsafeMutableBufferPointer<Edge>, _ heads: Span<EdgeList.Head>, _ weights: Span<Double>,
        componentOf: [Int32], position: [Int32], from: [Int], to: [Int], cursor: inout [Int], ascending: inout [Bool]
    ) {
        let components = from.count
        precondition(
            componentOf.count == position.count && to.count == components && cursor.count == components && ascending.count == components
                && to.allSatisfy { $0 <= buffer.count }, "mismatched tables")
        // SAFETY: an edge's accounts are checked below `componentOf.count` (= `position.count`)
        // before either is read, and a component index read there is below `components` (the
        // tables were made so); the weights are read through their span (checked). An edge of
        // component `c` is written at `cursor[c]`, checked below `to[c]` (within `buffer`):
        // never in another component's or another run's slots, so each slot at most once (a
        // trivial tuple: writing initializes); the slot before is read only when this run
        // wrote it (`at > from[c]`). The views are used only inside the closures that give them.
        heads.withUnsafeBufferPointer { heads in
            componentOf.withUnsafeBufferPointer { componentOf in
                position.withUnsafeBufferPointer { position in
                    cursor.withUnsafeMutableBufferPointer { cursor in
                        var next = 0
                        for h in heads {
                            let n = h.kinds.nonzeroBitCount
                            defer { next += n }
                            let a = Int(h.a), b = Int(h.b)
                            precondition(a < componentOf.count && b < componentOf.count, "an edge of an account outside the graph")
                            let c = Int(componentOf[a])
                            guard c >= 0 && c == Int(componentOf[b]) else { continue }
                            // The stored weights summed in order (as `EdgeList.forEachStored` gives them).
                            var sum = 0.0
                            EdgeWeights.forEach(h.kinds, weights, from: next) { _, w in sum += w }
                            let (x, y) = (position[a], position[b])
                            let e: Edge = (min(x, y), max(x, y), sum)
                            let at = cursor[c]
                            precondition(at < to[c], "more edges in a component than counted")
                            if at > from[c] && (e.a, e.b) < (buffer[at - 1].a, buffer[at - 1].b) { ascending[c] = false }
                            (buffer.baseAddress! + at).initialize(to: e)
                            cursor[c] = at + 1
                        }
                    }
                }
            }
        }
    }
}
