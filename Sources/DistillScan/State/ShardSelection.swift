import DistillInput

/// `--shard K/N`: which whole inputs shard K of N reads (gzip is not splittable). Every
/// shard computes the same assignment from the same resolved inputs: largest first, each
/// to the least loaded shard (ties to the lower shard), so shards get similar byte counts
/// and each input goes to exactly one shard.
package struct ShardSelection: Sendable, Equatable {
    /// 1-based shard number.
    package var index: Int
    package var count: Int

    /// Parses `K/N` (1 ≤ K ≤ N); nil when it is not one.
    package init?(_ text: String) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let k = Int(parts[0]), let n = Int(parts[1]), n >= 1, n <= 1_000_000, k >= 1, k <= n else { return nil }
        index = k
        count = n
    }

    package init(index: Int, count: Int) { self.index = index; self.count = count }

    /// The inputs of this shard, in their given order.
    package func pick(_ sources: [InputSource]) -> [InputSource] {
        let sizes = sources.map { $0.fileSize ?? 0 }
        let order = sources.indices.sorted { (sizes[$0], $1) > (sizes[$1], $0) }
        var load = [Int](repeating: 0, count: count)
        var mine = [Bool](repeating: false, count: sources.count)
        for i in order {
            var target = 0
            for s in 1..<count where load[s] < load[target] { target = s }
            load[target] += max(sizes[i], 1)
            mine[i] = target == index - 1
        }
        return sources.indices.filter { mine[$0] }.map { sources[$0] }
    }
}
