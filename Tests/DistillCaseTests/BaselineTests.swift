import Testing

@testable import DistillCase

/// Carrying campaign ids over from last week's report, and the change status of each.
@Suite("baseline matching")
struct BaselineTests {
    func d(_ id: String, _ accounts: [String], severity: String = "high", score: Double = 80) -> CampaignDigest {
        CampaignDigest(id: id, severity: severity, score: score, accounts: accounts, requests: accounts.count * 10)
    }
    func ids(_ p: String, _ r: ClosedRange<Int>) -> [String] { r.map { "\(p)\($0)" } }

    @Test func aCampaignThatKeepsMostMembersKeepsItsIdAndIsMarkedGrownShrunkOrChanged() {
        let prior = [d("C-a", ids("a", 1...10)), d("C-b", ids("b", 1...10)), d("C-c", ids("c", 1...10)), d("C-x", ids("x", 1...4))]
        let current = [
            d("C-a2", ids("a", 1...14)),  // grown by 4
            d("C-b2", ids("b", 1...6)),  // shrunk by 4
            d("C-c2", ids("c", 3...12)),  // 2 lost, 2 added
            d("C-n", ids("n", 1...5)),  // new
        ]
        let renames = Baseline.match(prior: prior, current: current)
        #expect(renames == ["C-a2": "C-a", "C-b2": "C-b", "C-c2": "C-c", "C-n": "C-n"])
        let renamed = current.map { c -> CampaignDigest in
            var c = c; c.id = renames[c.id]!; return c
        }
        let cmp = Baseline.compare(prior: prior, current: renamed, priorPath: "prior.json", priorSHA256: "00")
        #expect(cmp.changes.map(\.status) == [.grown, .shrunk, .changed, .new])
        #expect(cmp.changes[0].added == ["a11", "a12", "a13", "a14"] && cmp.changes[0].removed.isEmpty)
        #expect(cmp.changes[1].removed == ["b10", "b7", "b8", "b9"])
        #expect(cmp.gone.map(\.id) == ["C-x"])
        #expect(cmp.count(.gone) == 1 && cmp.count(.new) == 1)
    }

    @Test func sameMembersAreUnchangedOrChangedOnSeverity() {
        let prior = [d("C-a", ids("a", 1...5), severity: "high", score: 70), d("C-b", ids("b", 1...5))]
        let current = [d("C-a", ids("a", 1...5), severity: "critical", score: 95), d("C-b", ids("b", 1...5))]
        let cmp = Baseline.compare(prior: prior, current: current, priorPath: "p", priorSHA256: "0")
        #expect(cmp.changes.map(\.status) == [.changed, .unchanged])
        #expect(cmp.changes[0].severityBefore == "high" && cmp.changes[0].severityAfter == "critical")
        #expect(cmp.changes[0].scoreAfter! - cmp.changes[0].scoreBefore! == 25)
    }

    @Test func aSplitKeepsTheIdOnTheLargerPartAndTheOtherIsNew() {
        let prior = [d("C-a", ids("a", 1...20))]
        let current = [d("C-p", ids("a", 1...8)), d("C-q", ids("a", 9...20))]
        let renames = Baseline.match(prior: prior, current: current)
        #expect(renames["C-q"] == "C-a")
        #expect(renames["C-p"] == "C-p")
    }

    @Test func aNewCampaignWhoseOwnIdIsTakenGetsASuffix() {
        let prior = [d("C-a", ids("a", 1...10))]
        // C-a continues as "C-z"; an unrelated new campaign happens to be named C-a.
        let current = [d("C-z", ids("a", 1...9)), d("C-a", ids("q", 1...3))]
        let renames = Baseline.match(prior: prior, current: current)
        #expect(renames == ["C-z": "C-a", "C-a": "C-a-2"])
    }

    @Test func littleOverlapIsNotTheSameCampaign() {
        let prior = [d("C-a", ids("a", 1...10))]
        let current = [d("C-b", ids("a", 1...5) + ids("z", 1...20))]  // 5 of 10 shared: not more than half
        #expect(Baseline.match(prior: prior, current: current) == ["C-b": "C-b"])
    }
}
