extension WeightedGraph {
    /// One Louvain level: each node moves to the neighbouring community with the largest
    /// modularity gain until no node moves (bounded passes). Returns each node's community.
    ///
    /// The per-neighbour loop is most of a split's time (a dense campaign's component is
    /// read whole, ~1.7 M row entries, in each of ~8 passes), so it reads the rows through
    /// unchecked views after checking once that every index it will form is in bounds, and
    /// keeps the touched communities in a buffer of the longest row's size instead of an
    /// array grown per entry. Sums and visiting order are those of a plain loop.
    func localMoving(resolution: Double) -> [Int] {
        let n = nodes
        var community = Array(0..<n)
        let k = (0..<n).map(degree)
        var tot = k
        let twoM = 2 * total
        guard twoM > 0 else { return community }
        // The bounds the unchecked reads below rely on, checked once per level (a pass over
        // the rows is a fraction of one pass of the loop).
        precondition(start.count == n + 1 && start[0] == 0 && start[n] == neighbour.count && weight.count == neighbour.count, "malformed rows")
        var longest = 0
        for i in 0..<n {
            precondition(start[i] <= start[i + 1], "malformed rows")
            longest = max(longest, start[i + 1] - start[i])
        }
        precondition(neighbour.allSatisfy { $0 >= 0 && Int($0) < n }, "a neighbour outside the graph")
        // Link weight from the node being moved to each community.
        var links = [Double](repeating: 0, count: n)
        // The communities touched by the node being moved: at most one per row entry.
        var touched = [Int](repeating: 0, count: longest)
        start.withUnsafeBufferPointer { rows in
            neighbour.withUnsafeBufferPointer { neighbours in
                weight.withUnsafeBufferPointer { weights in
                    community.withUnsafeMutableBufferPointer { members in
                        links.withUnsafeMutableBufferPointer { linked in
                            tot.withUnsafeMutableBufferPointer { totals in
                                touched.withUnsafeMutableBufferPointer { touchedBuffer in
                                    // SAFETY: checked above: `rows` has n + 1 ascending offsets within `neighbours` and `weights` (same count), and every neighbour is below n; `members` holds community labels below n (nodes' own indexes at first, then only a `best` taken from them); each of the n nodes' rows adds at most its length, at most `longest`, to `touchedBuffer` before it is emptied.
                                    Self.movePasses(
                                        rows: rows, neighbours: neighbours, weights: weights, members: members, linked: linked,
                                        totals: totals, touched: touchedBuffer, degrees: k, resolution: resolution, twoM: twoM)
                                }
                            }
                        }
                    }
                }
            }
        }
        return community
    }

    /// The passes of `localMoving` over views whose bounds it checked (see its SAFETY).
    private static func movePasses(
        rows: UnsafeBufferPointer<Int>, neighbours: UnsafeBufferPointer<Int32>, weights: UnsafeBufferPointer<Double>,
        members: UnsafeMutableBufferPointer<Int>, linked: UnsafeMutableBufferPointer<Double>, totals: UnsafeMutableBufferPointer<Double>,
        touched: UnsafeMutableBufferPointer<Int>, degrees k: [Double], resolution: Double, twoM: Double
    ) {
        let n = members.count
        for _ in 0..<32 {
            var moves = 0
            for i in 0..<n {
                let own = members[i]
                var count = 0
                for x in rows[i]..<rows[i + 1] {
                    let c = members[Int(neighbours[x])]
                    if linked[c] == 0 { touched[count] = c; count += 1 }
                    linked[c] += weights[x]
                }
                totals[own] -= k[i]
                // Gain of joining c, up to a constant: links to c − γ · tot(c) · k_i / 2m.
                var best = own, bestGain = linked[own] - resolution * totals[own] * k[i] / twoM
                var row = UnsafeMutableBufferPointer(rebasing: touched[0..<count])
                row.sort()
                for c in row where c != own {
                    let g = linked[c] - resolution * totals[c] * k[i] / twoM
                    if g > bestGain + 1e-12 { best = c; bestGain = g }
                }
                for c in row { linked[c] = 0 }
                totals[best] += k[i]
                if best != own { members[i] = best; moves += 1 }
            }
            if moves == 0 { break }
        }
    }
}
