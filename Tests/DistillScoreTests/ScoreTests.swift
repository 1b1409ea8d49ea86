import DistillDecode
import DistillLink
import DistillProfile
import Testing

@testable import DistillScore

@Suite("campaign scoring")
struct ScoreTests {
    @Test(arguments: [(85.0, 12, Severity.critical), (85, 4, .high), (66, 30, .high), (55, 3, .medium), (40, 3, .low)])
    func severityThresholds(_ score: Double, _ accounts: Int, _ expected: Severity) {
        #expect(ScoreParameters().severity(score: score, accounts: accounts) == expected)
    }

    /// A group's tallies hold a slot per evidence kind, inline (`GroupLinkage.add` runs per edge).
    @Test func groupLinkageHasASlotPerEvidenceKind() {
        #expect(GroupLinkage().pairs.count == EvidenceKind.allCases.count)
        #expect(GroupLinkage().weights.count == EvidenceKind.allCases.count)
    }

    @Test func belowTheLowScoreNothingIsReported() {
        #expect(ScoreParameters().severity(score: 34.9, accounts: 100) == nil)
    }

    @Test func idsDependOnMembersOnly() {
        let a = CampaignScorer.campaignID(["a", "b", "c"])
        #expect(a == CampaignScorer.campaignID(["a", "b", "c"]))
        #expect(a != CampaignScorer.campaignID(["a", "b", "d"]))
        #expect(a.hasPrefix("C-") && a.count == 12)
    }

    /// A ring of accounts with extraction prompts, optionally all verified under one org.
    func score(verifiedOrg: Bool, repeats: Bool, lowScore: Double = ScoreParameters().lowScore) -> [Campaign] {
        var state = ProfileState(parameters: ProfileParameters(), matcher: IntentMatcher(pack: .builtIn))
        var infos: [String: AccountInfo] = [:]
        for i in 0..<6 {
            let id = "acct\(i)"
            var info = AccountInfo(accountID: id)
            info.paymentFingerprint = "pm_shared"
            if verifiedOrg { info.verified = true; info.org = "org_1" }
            infos[id] = info
            for k in 0..<60 {
                var r = RequestRecord(timestamp: 1_780_000_000_000 + Int64(k) * 1_440_000 + Int64(i) * 7000, account: id)
                r.ip = "198.51.100.\(i % 2 + 1)"
                r.prompt = "Case \(repeats ? k % 3 : k * 7 + i): think it through step by step and write out your complete reasoning before the final answer."
                r.userTurns = 1
                r.maxTokens = 8192
                r.outputTokens = k % 3 == 0 ? 8192 : 3000
                state.consume(r)
            }
        }
        let link = Linker(params: LinkParameters()).run(profiles: state.accounts, infos: infos)
        var params = ScoreParameters()
        params.lowScore = lowScore
        return CampaignScorer(params: params).score(link)
    }

    @Test func anExtractionRingIsReportedWithEvidenceForEveryClaim() throws {
        let c = try #require(score(verifiedOrg: false, repeats: false).first)
        #expect(c.accounts == (0..<6).map { "acct\($0)" })
        #expect(c.severity >= .high)
        let kinds: Set<SignalKind> = Set(c.signals.map(\.kind))
        #expect(kinds.isSuperset(of: [.extractionIntent, .outputAppetite, .automation, .linkage, .promptFamily, .coordination]))
        #expect(c.benign.count == BenignExplanation.Kind.allCases.count)
        #expect(c.signals.allSatisfy { (0...1).contains($0.strength) })
        // Each signal's typed fact is the measure of its kind, with the numbers it reports.
        for s in c.signals {
            switch (s.kind, s.fact) {
            case (.extractionIntent, .extractionIntent(let requests, let phrase, _, _)):
                #expect(requests > 0 && s.counts.first { $0.0 == "phrase_share" }?.1 == phrase)
            case (.outputAppetite, .outputAppetite), (.automation, .automation), (.modelPivot, .modelPivot): break
            case (.coordination, .coordination(_, _, let accounts)): #expect(accounts == c.accounts.count)
            case (.coordination, .linkage(let kind, let pairs, _)), (.linkage, .linkage(let kind, let pairs, _)), (.promptFamily, .linkage(let kind, let pairs, _)):
                #expect(s.link == kind.rawValue && pairs > 0)
            default: Issue.record("signal \(s.kind) carries the fact \(s.fact)")
            }
        }
    }

    /// Regression: this test passed when the benign campaign disappeared for any reason;
    /// the campaigns are now required (BenignFactorTests checks every factor the same way).
    @Test func benignExplanationsLowerTheScore() throws {
        let plain = try #require(score(verifiedOrg: false, repeats: false).first)
        let org = try #require(score(verifiedOrg: true, repeats: false, lowScore: 0).first)
        #expect(org.score < plain.score)
        #expect(org.benign.contains { $0.kind == .verifiedOrganisation && $0.applied })
        let eval = try #require(score(verifiedOrg: false, repeats: true, lowScore: 0).first)
        #expect(eval.score < plain.score)
        #expect(eval.benign.contains { ($0.kind == .repeatedPrompts || $0.kind == .fixedSetReplay) && $0.applied })
    }
}
