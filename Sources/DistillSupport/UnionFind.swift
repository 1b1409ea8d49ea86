/// Disjoint sets over 0..<n; the representative of a set is its smallest member, so the
/// result does not depend on the order unions happen in.
///
/// Public, with `package` members: the link stage calls `union` per evidence edge from
/// another module, and this toolchain inlines an `@inlinable` member across modules only
/// when its type is public (of a `package` type it serialises nothing).
public struct UnionFind: Sendable {
    @usableFromInline var parent: [Int]

    package init(_ n: Int) { parent = Array(0..<n) }

    @inlinable
    package mutating func find(_ x: Int) -> Int {
        var r = x
        while parent[r] != r { r = parent[r] }
        var c = x
        while parent[c] != r { let n = parent[c]; parent[c] = r; c = n }
        return r
    }

    @inlinable
    package mutating func union(_ a: Int, _ b: Int) {
        let ra = find(a), rb = find(b)
        if ra == rb { return }
        if ra < rb { parent[rb] = ra } else { parent[ra] = rb }
    }

    /// Sets with at least `minSize` members, each sorted, ordered by smallest member.
    package mutating func groups(minSize: Int = 1) -> [[Int]] {
        // Members in ascending order: a set is met first at its smallest member, so sets come
        // out in that order and each set's members sorted, with no dictionary of all sets
        // (millions of one-prompt accounts make millions of sets).
        // Sizes first when small sets are dropped: millions of one-account sets are never made.
        var size: [Int32] = []
        if minSize > 1 {
            size = [Int32](repeating: 0, count: parent.count)
            for i in parent.indices { size[find(i)] += 1 }
        }
        var slot = [Int](repeating: -1, count: parent.count)
        var sets: [[Int]] = []
        for i in parent.indices {
            let r = find(i)
            if minSize > 1 && Int(size[r]) < minSize { continue }
            if slot[r] < 0 { slot[r] = sets.count; sets.append([]) }
            sets[slot[r]].append(i)
        }
        return sets
    }
}
