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
                // Zero-padded, so that index i is account i in the linker's id order.
                id: "acct\(i < 10 ? "0" : "")\(i)", ips: ["198.51.100.\(i + 1)"],
                prompt: { (k: Int) -> String in
                    i % 4 == 3 ? "" : "Consider problem \(k * 31 + i % 5). Think it through step by step and write out your complete reasoning."
                }
            )
        }
        let result = Linker(params: LinkParameters()).run(profiles: EvidenceGraphTests().profiles(accounts), infos: [:])
        let fam = result.families
        #expect(fam.samples.count > 12)
        let index = PromptFamilies.AccountSamples(fam)
        // Every fourth account (3, 7, 11) has no prompt; 11 is also the last, so 40 is past
        // the index's end.
        #expect(fam.samples.allSatisfy { $0.account % 4 != 3 })
        #expect(Set(fam.samples.map(\.account)).count == 9)
        let groups: [[Int]] = [[], [0], [3], [2, 0, 5], [5, 5, 1], [6, 2, 6, 2], Array(0..<12), [11, 7, 3], [40, 1], [-1, 4]]
        for group in groups {
            // The walk `CampaignBuilder` made before: every sample, kept when its account is in the group.
            let walk = fam.samples.indices.filter { group.contains(fam.samples[$0].account) }
            #expect(index.samples(of: group) == walk, "group \(group)")
            // Only the groups made of prompt-less or unknown accounts have none.
            #expect(walk.isEmpty == group.allSatisfy { $0 % 4 == 3 || $0 < 0 || $0 >= 12 }, "group \(group)")
        }
        #expect(PromptFamilies.AccountSamples().samples(of: [0, 1]).isEmpty)
    }
}
