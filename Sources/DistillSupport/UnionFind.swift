/// Disjoint sets over 0..<n; the representative of a set is its smallest member, so the
/// result does not depend on the order unions happen in.
package struct UnionFind: Sendable {
    private var parent: [Int]

    package init(_ n: Int) { parent = Array(0..<n) }

    package mutating func find(_ x: Int) -> Int {
        var r = x
        while parent[r] != r { r = parent[r] }
        var c = x
        while parent[c] != r { let n = parent[c]; parent[c] = r; c = n }
        return r
    }

    package mutating func union(_ a: Int, _ b: Int) {
        let ra = find(a), rb = find(b)
        if ra == rb { return }
        if ra < rb { parent[rb] = ra } else { parent[ra] = rb }
    }

    /// Sets with at least `minSize` members, each sorted, ordered by smallest member.
    package mutating func groups(minSize: Int = 1) -> [[Int]] {
        var by: [Int: [Int]] = [:]
        for i in parent.indices { by[find(i), default: []].append(i) }
        return by.values.filter { $0.count >= minSize }.map { $0.sorted() }.sorted { $0[0] < $1[0] }
    }
}
