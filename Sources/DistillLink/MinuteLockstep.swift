/// Lockstep below the hour: accounts that fire inside the same few minutes of every hour,
/// in logs with or without IPs and whether or not they are active around the clock. An
/// account is concentrated when its busiest window of `lockstepWindowMinutes` holds at
/// least `lockstepConcentration` of its requests (chance for a steady or human rhythm:
/// window / 60); two concentrated accounts whose minute histograms intersect by at least
/// `lockstepOverlap` are in lockstep (the SynchroTrap idea at the resolution that hourly
/// counts cannot see).
enum MinuteLockstep {
    struct Entry {
        var account: Int
        var start: Int
        var concentration: Double
        var shares: [Double]
    }

    /// An account's minute profile when it is concentrated, else nil.
    static func entry(_ account: Int, _ minutes: [Int], _ p: LinkParameters) -> Entry? {
        let total = minutes.reduce(0, +)
        let width = max(1, min(29, p.lockstepWindowMinutes))
        guard total >= p.lockstepMinRequests else { return nil }
        var best = 0, bestStart = 0
        var window = (0..<width).reduce(0) { $0 + minutes[$1] }
        for start in 0..<60 {
            if window > best { best = window; bestStart = start }
            window += minutes[(start + width) % 60] - minutes[start]
        }
        let c = Double(best) / Double(total)
        guard c >= p.lockstepConcentration else { return nil }
        return Entry(account: account, start: bestStart, concentration: c, shares: minutes.map { Double($0) / Double(total) })
    }

    /// Every pair of candidates in lockstep, with its weight.
    static func pairs(_ accounts: [AccountView], _ candidates: [Int], _ p: LinkParameters, _ link: (Int, Int, Double) -> Void) {
        let entries = candidates.compactMap { entry($0, accounts[$0].profile.minutes, p) }
            .sorted { ($0.start, $0.account) < ($1.start, $1.account) }
        guard entries.count > 1 else { return }
        let width = max(1, min(29, p.lockstepWindowMinutes))
        for i in entries.indices {
            // Later entries whose window starts at most `width` minutes later (around the hour).
            var j = (i + 1) % entries.count
            var steps = 0
            while j != i && steps < entries.count - 1 {
                let d = (entries[j].start - entries[i].start + 60) % 60
                guard d <= width else { break }
                // Each pair once: a window starts after the other's, or the same minute and later in order.
                if d > 0 || j > i {
                    let x = entries[i], y = entries[j]
                    var inter = 0.0
                    for m in 0..<60 { inter += min(x.shares[m], y.shares[m]) }
                    if inter >= p.lockstepOverlap { link(x.account, y.account, p.lockstepWeight * inter * min(x.concentration, y.concentration)) }
                }
                j = (j + 1) % entries.count
                steps += 1
            }
        }
    }
}
