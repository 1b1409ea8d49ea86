extension TemplateMiner {
    /// Template id → the id of the group it belongs to after merging templates that
    /// differ only by a variable-length slot: the shorter template's constant tokens are
    /// a subsequence of the longer one's, every extra constant of the longer one stands
    /// next to a slot and between two shared constants, and there are at most `maxExtraShare` of them (at least one).
    /// Drain's fixed token count cannot see `close, 0 bytes sent` and
    /// `close, 850 bytes (0.8 KB) sent` as one message; this pass can.
    package func mergedGroups() -> [Int] {
        let consts: [[(UInt64, Bool)]] = templates.map { t in
            t.tokens.indices.compactMap { i in
                guard t.tokens[i] != 0 else { return nil }
                let nearSlot = (i > 0 && t.tokens[i - 1] == 0) || (i + 1 < t.tokens.count && t.tokens[i + 1] == 0)
                return (t.tokens[i], nearSlot)
            }
        }
        var parent = Array(templates.indices)
        func find(_ x: Int) -> Int { var r = x; while parent[r] != r { r = parent[r] }; return r }
        // Candidates share their first constant token.
        var byFirst: [UInt64: [Int]] = [:]
        for (i, c) in consts.enumerated() where c.count >= configuration.mergeMinConstants { byFirst[c[0].0, default: []].append(i) }
        for ids in byFirst.values where ids.count > 1 {
            for x in ids {
                for y in ids where y > x {
                    let (short, long) = consts[x].count <= consts[y].count ? (consts[x], consts[y]) : (consts[y], consts[x])
                    let extras = long.count - short.count
                    guard extras > 0, extras <= max(1, Int(Double(long.count) * configuration.maxExtraShare)) else { continue }
                    // Greedy subsequence match; every skipped token of `long` must stand next to a
                    // slot and inside the message (an extra trailing field is another message).
                    var j = 0
                    var ok = true
                    for tok in long {
                        if j < short.count && tok.0 == short[j].0 { j += 1 } else if !tok.1 || j == 0 || j == short.count { ok = false; break }
                    }
                    if ok && j == short.count {
                        let a = find(x), b = find(y)
                        if a != b { parent[max(a, b)] = min(a, b) }
                    }
                }
            }
        }
        return templates.indices.map(find)
    }
}
