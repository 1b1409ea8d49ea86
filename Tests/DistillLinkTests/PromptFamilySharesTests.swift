import DistillProfile
import Testing

@testable import DistillLink

/// The per-account family shares computed on all threads from each account's samples must
/// be the definition: counted over every sample of the account, whatever the thread count.
@Suite("prompt family shares")
struct PromptFamilySharesTests {
    /// The definition: one account's shares counted straight from the samples.
    static func reference(_ fam: PromptFamilies, account: Int, linking: Bool, allFamilies: Bool) -> [Int: Double] {
        let mine = fam.samples.indices.filter { fam.samples[$0].account == account }
        func family(_ i: Int) -> Int { linking ? fam.linkFamily[fam.familyOf[i]] : fam.familyOf[i] }
        let generalTotal = mine.filter { fam.samples[$0].general }.count, partTotal = mine.filter { fam.samples[$0].part }.count
        var shares: [Int: Double] = [:]
        for f in Set(mine.map(family)) {
            let reach = fam.families.indices.filter { (linking ? fam.linkFamily[$0] : $0) == f }.reduce(0) { $0 + fam.families[$1].accounts.count }
            guard allFamilies || reach >= 2 else { continue }
            let general = mine.filter { family($0) == f && fam.samples[$0].general }.count
            let part = mine.filter { family($0) == f && fam.samples[$0].part }.count
            var share = generalTotal == 0 ? 0 : Double(general) / Double(generalTotal)
            if linking && partTotal > 0 { share = max(share, Double(part) / Double(partTotal)) }
            shares[f] = share
        }
        return shares
    }

    @Test func sharesOnAllThreadsFollowTheDefinition() {
        // Two templates shared by overlapping accounts, and accounts of their own.
        let accounts = (0..<14).map { i in
            (
                id: "acct\(i)", ips: ["198.51.100.\(i + 1)"],
                prompt: { (k: Int) -> String in
                    switch (i + k) % 3 {
                    case 0 where i < 8: return "Consider problem \(k * 31 + i). Think it through step by step and write out your complete reasoning."
                    case 1 where i >= 4: return "Translate the passage number \(k + i * 100) into formal French, then list every idiom you changed and why."
                    default: return "note \(i) \(k) about my own garden, lunch plans and the weather on day \(k * 7 + i)"
                    }
                }
            )
        }
        let result = Linker(params: LinkParameters()).run(profiles: EvidenceGraphTests().profiles(accounts), infos: [:])
        let fam = result.families
        #expect(fam.families.contains { $0.accounts.count >= 2 })
        for threads in [1, 2, 3] {
            let both = fam.accountShares(threads: threads)
            for a in result.accounts.indices {
                let found = both.first { $0.account == a }
                #expect((found?.families ?? [:]) == Self.reference(fam, account: a, linking: false, allFamilies: false))
                #expect((found?.linkFamilies ?? [:]) == Self.reference(fam, account: a, linking: true, allFamilies: false))
            }
        }
        for (linking, all) in [(false, false), (true, false), (false, true), (true, true)] {
            for (a, shares) in fam.shares(linking: linking, allFamilies: all) {
                #expect(shares == Self.reference(fam, account: a, linking: linking, allFamilies: all))
            }
        }
        for a in result.accounts.indices {
            #expect(result.accounts[a].families == Self.reference(fam, account: a, linking: false, allFamilies: false))
        }
    }

    /// A family's accounts ascend, each once, whatever the order and repeats of its
    /// samples' accounts (sums over them run in that order in every process).
    @Test func aFamilysAccountsAscendEachOnce() {
        #expect(PromptFamilies.distinctAscending([]) == [])
        #expect(PromptFamilies.distinctAscending([7]) == [7])
        #expect(PromptFamilies.distinctAscending([9, 2, 9, 4, 2, 2, 0]) == [0, 2, 4, 9])
        var seed: UInt64 = 3
        for _ in 0..<200 {
            let n = Int(seed % 40)
            let accounts = (0..<n).map { _ in
                seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                return Int(seed >> 59)
            }
            #expect(PromptFamilies.distinctAscending(accounts) == Set(accounts).sorted())
        }
    }
}
