import Testing

@testable import DistillScore

/// The campaign id an investigator follows from week to week.
@Suite("campaign identity")
struct CampaignIdentityTests {
    func members(_ prefix: String, _ range: Range<Int>) -> [String] { range.map { "\(prefix)\($0)" } }

    @Test func theIdDependsOnTheMembersNotTheirOrder() {
        let m = members("acct_", 0..<40)
        #expect(CampaignIdentity.id(members: m) == CampaignIdentity.id(members: m.reversed()))
        #expect(CampaignIdentity.id(members: m).hasPrefix("C-"))
        #expect(CampaignIdentity.id(members: m).count == 12)
        #expect(CampaignScorer.campaignID(m.sorted()) == CampaignIdentity.id(members: m))
    }

    @Test func theIdIsNamedAfterTheMinHashMemberAndSurvivesGrowthAndShrinkWhileItStays() {
        let m = members("acct_", 0..<50)
        let anchor = CampaignIdentity.anchor(m)!
        let id = CampaignIdentity.id(members: m)
        // Lose every member but the anchor's half: same id.
        let kept = m.filter { $0 == anchor || $0.hashValue % 2 == 0 }
        #expect(CampaignIdentity.id(members: kept) == id)
        // Losing the anchor renames.
        #expect(CampaignIdentity.id(members: m.filter { $0 != anchor }) != id)
    }

    /// Over many campaigns, growing by 20 % keeps most ids (the chance to rename is a/(n+a)).
    @Test func mostIdsSurviveTwentyPercentGrowth() {
        var same = 0
        for c in 0..<200 {
            let base = members("c\(c)-", 0..<30)
            let grown = base + members("c\(c)-new-", 0..<6)
            if CampaignIdentity.id(members: base) == CampaignIdentity.id(members: grown) { same += 1 }
        }
        #expect(same >= 150, "kept \(same) of 200")
    }

    @Test func disjointCampaignsGetDistinctIds() {
        let ids = Set((0..<500).map { CampaignIdentity.id(members: members("g\($0)-", 0..<5)) })
        #expect(ids.count == 500)
    }
}
