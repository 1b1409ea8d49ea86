import Testing

@testable import DistillScan

/// Issue 17: campaigns of one severity came in ascending score (a 92.4 before a 100).
@Suite("campaign order")
struct CampaignOrderTests {
    @Test func mostSevereFirstThenHighestScore() throws {
        let campaigns = Analysis.run(try Fixture.config("demo")).campaigns
        #expect(campaigns.count >= 3)
        for (a, b) in zip(campaigns, campaigns.dropFirst()) {
            #expect(a.severity > b.severity || (a.severity == b.severity && a.score >= b.score), "\(a.id) \(a.score) before \(b.id) \(b.score)")
        }
    }
}
