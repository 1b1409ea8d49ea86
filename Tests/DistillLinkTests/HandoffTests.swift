import DistillDecode
import DistillProfile
import DistillSupport
import Testing

@testable import DistillLink

@Suite("hand-off evidence")
struct HandoffTests {
    /// Views of accounts whose profiles span `first...last` (two requests each), in the given linking families.
    func views(_ spans: [(first: Int64, last: Int64, families: [Int: Double])]) -> [AccountView] {
        var state = ProfileState(parameters: ProfileParameters(), matcher: IntentMatcher(pack: .builtIn))
        for (i, s) in spans.enumerated() {
            for t in [s.first, s.last] {
                var r = RequestRecord(timestamp: t, account: "acct\(i)")
                r.prompt = "prompt \(i) at \(t)"
                state.consume(r)
            }
        }
        let profiles = state.accounts
        return spans.indices.map { i in
            var v = AccountView(id: "acct\(i)", profile: profiles["acct\(i)"]!, info: nil)
            v.linkFamilies = spans[i].families
            return v
        }
    }

    /// The walk this replaced, kept as the definition: for each short-lived candidate, the
    /// short-lived accounts by start from the earliest, up to the first that starts past
    /// the gap after its end, paired when both put a good share in one family.
    func walkFromTheStart(_ accounts: [AccountView], _ candidates: [Int], _ p: LinkParameters) -> [[Int]] {
        let gap = Int64(p.handoffGapMinutes) * 60_000
        let shortLived = candidates.filter { accounts[$0].profile.lastSeen - accounts[$0].profile.firstSeen <= 2 * 86_400_000 }
        let byStart = shortLived.sorted { (accounts[$0].profile.firstSeen, $0) < (accounts[$1].profile.firstSeen, $1) }
        var pairs: [[Int]] = []
        for x in shortLived {
            let end = accounts[x].profile.lastSeen
            for y in byStart where y != x {
                let s = accounts[y].profile.firstSeen
                if s < end { continue }
                if s > end + gap { break }
                if accounts[x].linkFamilies.contains(where: { f, share in share >= 0.3 && (accounts[y].linkFamilies[f] ?? 0) >= 0.3 }) { pairs.append([x, y]) }
            }
        }
        return pairs
    }

    /// Found by bisection into the accounts sorted by start (it walked from the earliest
    /// start, quadratic in a one-day dump's short-lived accounts): the same pairs in the
    /// same order as that walk, including starts equal to an end, at the gap's edge, and ties.
    @Test func handoffsFoundByBisectionAreThePairsOfTheWalkFromTheStartInOrder() {
        let p = LinkParameters()
        let gap = Int64(p.handoffGapMinutes) * 60_000
        let base: Int64 = 1_780_000_000_000
        var n: UInt64 = 0
        func next() -> UInt64 { n += 1; return StableHash.mix(n) }
        let accounts = views(
            (0..<300).map { i in
                let first = base + Int64(next() % 40) * gap / 4
                let span = i % 10 == 0 ? 3 * 86_400_000 : Int64(next() % 8) * gap / 4
                return (first, first + span, [Int(next() % 3): 0.3 + Double(next() % 5) / 10])
            })
        let candidates = Array(accounts.indices.filter { $0 % 7 != 3 })
        var found: [[Int]] = []
        EvidenceGraph.handoffs(accounts, candidates, p) { found.append([$0, $1]) }
        let expected = walkFromTheStart(accounts, candidates, p)
        #expect(expected.count > 100)
        #expect(found == expected)
    }
}
