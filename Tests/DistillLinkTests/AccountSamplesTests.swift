import DistillProfile
import Testing

@testable import DistillLink

/// Scoring reads each campaign's prompt samples through `PromptFamilies.AccountSamples`
/// instead of walking every sample per campaign: the lookup must give exactly the samples
/// that walk met, in its order.
@Suite("prompt samples by account")
struct AccountSamplesTests {
    @Test func aGroupsSamplesAreTheWalksOverEverySample() {
        let accounts = (0..<12).map { i in
            (
                id: "acct\(i)", ips: ["198.51.100.\(i + 1)"],
                prompt: { (k: Int) -> String in
                    i % 4 == 3 ? "" : "Consider problem \(k * 31 + i % 5). Think it through step by step and write out your complete reasoning."
                }
            )
        }
        let result = Linker(params: LinkParameters()).run(profiles: EvidenceGraphTests().profiles(accounts), infos: [:])
        let fam = result.families
        #expect(fam.samples.count > 12)
        let index = PromptFamilies.AccountSamples(fam)
        let groups: [[Int]] = [[], [0], [3], [2, 0, 5], [5, 5, 1], Array(0..<12), [11, 7, 3], [40, 1]]
        for group in groups {
            // The walk `CampaignBuilder` made before: every sample, kept when its account is in the group.
            let walk = fam.samples.indices.filter { group.contains(fam.samples[$0].account) }
            #expect(index.samples(of: group) == walk, "group \(group)")
        }
        #expect(PromptFamilies.AccountSamples().samples(of: [0, 1]).isEmpty)
    }
}
