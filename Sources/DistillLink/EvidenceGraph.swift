import DistillProfile

/// Typed, weighted edges between candidate accounts: the shared-attribute evidence
/// (`AttributeEvidence`), sequential hand-offs and shared prompt families, with
/// synchronized activity on top; pairs below the edge threshold are dropped.
package struct EvidenceGraph: Sendable {
    package var edges = EdgeList()

    /// `attributes`: the family-independent evidence between the same candidates.
    init(
        accounts: [AccountView], candidates: [Int], attributes: AttributeEvidence, familyPurity: [Double],
        params: LinkParameters, threads: Int = 1
    ) {
        var pairs = attributes.pairs
        // Candidates come in ascending order, so each family's list is sorted.
        var byFamily: [Int: [(account: Int, share: Double)]] = [:]
        for i in candidates { for (f, share) in accounts[i].linkFamilies { byFamily[f, default: []].append((i, share)) } }
        MinuteLockstep.pairs(accounts, candidates, params) { pairs.add($0, $1, .lockstep, $2, cap: params.lockstepWeight) }
        Self.handoffs(accounts, candidates, params) { pairs.add($0, $1, .handoff, params.handoffWeight, cap: params.handoffWeight) }
        // Family pairs are made per account while folding (see `FamilyPairs`).
        let families = FamilyPairs(
            members: byFamily, purity: familyPurity, weight: params.familyWeight,
            cap: params.familyWeight, bound: accounts.count)
        // Synchronized activity only strengthens pairs that already share something, and
        // is worth computing only where it could lift the pair to the edge threshold.
        // Each shard of pairs caches the activity slots of the accounts it meets.
        let parts = pairs.foldPairs(
            threads: threads, adding: families, state: { [ActivitySlots?](repeating: nil, count: accounts.count) }, output: { EdgeList.Builder() }
        ) { cache, out, a, b, found in
            var e = found
            e.sync = params.syncWeight
            guard e.total >= params.edgeThreshold else { return }
            if cache[a] == nil { cache[a] = ActivitySlots(accounts[a].profile) }
            if cache[b] == nil { cache[b] = ActivitySlots(accounts[b].profile) }
            // Read in place: a copy of each account's slots per pair retained and released
            // its day list (a million pairs).
            // SAFETY: both entries were set just above, so neither unwrap meets nil.
            let (overlap, lift) = cache[a].unsafelyUnwrapped.sync(cache[b].unsafelyUnwrapped)
            if !(overlap >= params.syncOverlap && lift >= params.syncLift) { e.sync = 0 }
            if e.total >= params.edgeThreshold { out.append(a, b, e) }
        }
        edges = EdgeList(parts: parts)
    }

    /// One account stops and another starts soon after, both short-lived.
    static func handoffs(_ accounts: [AccountView], _ candidates: [Int], _ p: LinkParameters, _ link: (Int, Int) -> Void) {
        let gap = Int64(p.handoffGapMinutes) * 60_000
        let shortLived = candidates.filter { accounts[$0].profile.lastSeen - accounts[$0].profile.firstSeen <= 2 * 86_400_000 }
        let byStart = shortLived.sorted { (accounts[$0].profile.firstSeen, $0) < (accounts[$1].profile.firstSeen, $1) }
        // Read once, not per pair: every read of a view's profile retained and released it.
        let starts = byStart.map { accounts[$0].profile.firstSeen }
        for x in shortLived {
            let end = accounts[x].profile.lastSeen
            // The first account starting at or after `end`, found by bisection: walking
            // from the earliest start made this quadratic in the short-lived accounts (a
            // one-day dump has nothing else), where only the starts within `gap` can pair.
            var lo = 0, hi = starts.count
            while lo < hi {
                let mid = (lo + hi) / 2
                if starts[mid] < end { lo = mid + 1 } else { hi = mid }
            }
            // Saturating: a profile read from a state file may end near the largest time.
            let (sum, overflow) = end.addingReportingOverflow(gap)
            let last = overflow ? Int64.max : sum
            var k = lo
            while k < starts.count, starts[k] <= last {
                let y = byStart[k]
                k += 1
                if y == x { continue }
                // A hand-off needs something shared besides timing: a family carrying a good part of both accounts' prompts.
                let shared = accounts[x].linkFamilies.contains { f, share in share >= 0.3 && (accounts[y].linkFamilies[f] ?? 0) >= 0.3 }
                if shared { link(x, y) }
            }
        }
    }
}

/// An account's active (day, hour) slots as a sorted list of day bit masks.
struct ActivitySlots {
    var days: [(Int32, UInt32)]
    var active: Int

    init(_ p: AccountProfile) {
        days = p.activity.map { ($0.key, $0.value.hours) }.sorted { $0.0 < $1.0 }
        active = days.reduce(0) { $0 + $1.1.nonzeroBitCount }
    }

    /// Overlap coefficient and its lift over chance on the days either was active;
    /// accounts active in more than 60 % of their days' hours (24/7) give no evidence.
    func sync(_ o: ActivitySlots) -> (overlap: Double, lift: Double) {
        let m = min(active, o.active)
        guard m >= 4, Double(active) <= 0.6 * Double(days.count * 24), Double(o.active) <= 0.6 * Double(o.days.count * 24) else { return (0, 0) }
        var i = 0, j = 0, both = 0, unionDays = 0
        while i < days.count || j < o.days.count {
            unionDays += 1
            if j == o.days.count || (i < days.count && days[i].0 < o.days[j].0) {
                i += 1
            } else if i == days.count || o.days[j].0 < days[i].0 {
                j += 1
            } else {
                both += (days[i].1 & o.days[j].1).nonzeroBitCount; i += 1; j += 1
            }
        }
        let expected = Double(active) * Double(o.active) / Double(unionDays * 24)
        return (Double(both) / Double(m), expected > 0 ? Double(both) / expected : 0)
    }
}
