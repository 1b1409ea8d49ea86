import DistillProfile

/// Dump-wide statistics of prompt families, for the report and for investigators:
/// who uses each family, how much, how repetitively and from how much infrastructure.
/// User-turn families come from the sampled prompts; system-prompt families from each
/// account's system-prompt sketch (a popular client shows up here as one family shared
/// by many unrelated accounts — and it never links them, because linking uses user text).
package struct FamilyStatistics: Sendable {
    /// One family.
    package struct Family: Sendable {
        /// `user` (what users wrote) or `system` (a client's system prompt).
        package var origin: String
        package var template: String
        /// The user-turn family's id in `PromptFamilies` (nil for system prompts).
        package var familyID: Int?
        package var accounts: Int
        package var suspiciousAccounts: Int
        /// Σ over accounts of (share of the account's prompts in the family × its requests).
        package var requestsEstimate: Int
        /// Share of the family's sampled requests that repeat an identical prompt.
        package var duplicateRate: Double
        /// Distinct /24 or /48 subnets among the member accounts' sampled addresses.
        package var subnets: Int
    }

    package var families: [Family]

    package init(_ accounts: [AccountView], _ fam: PromptFamilies, top: Int = 20) {
        var out: [Family] = []
        // User-turn families (a family's members are its sample indexes, ascending).
        for f in fam.families where f.accounts.count >= 2 {
            let samples = f.members
            let total = samples.reduce(0) { $0 + fam.samples[$1].count }
            // Summed in account order (`accounts` ascends), the same in every process.
            let requests = f.accounts.reduce(0.0) { $0 + (accounts[$1].families[f.id] ?? 0) * Double(accounts[$1].profile.requests) }
            // The template is aligned later, only for the families that are reported.
            out.append(
                Family(
                    origin: "user", template: "", familyID: f.id,
                    accounts: f.accounts.count, suspiciousAccounts: f.accounts.filter { accounts[$0].isCandidate }.count,
                    requestsEstimate: Int(requests.rounded()), duplicateRate: total == 0 ? 0 : Double(total - samples.count) / Double(total),
                    subnets: Self.subnets(f.accounts, accounts)))
        }
        // System-prompt families (exact system prompts).
        var system: [UInt64: (text: String, accounts: [Int], requests: Int)] = [:]
        for (i, a) in accounts.enumerated() {
            // Any order within an account: it holds a prompt once, and counts add up as integers.
            a.profile.forEachSystemPrompt { hash, count, payload in
                system[hash, default: (payload, [], 0)].accounts.append(i)
                system[hash]!.requests += count
            }
        }
        for (_, s) in system where s.accounts.count >= 2 {
            out.append(
                Family(
                    origin: "system", template: s.text, familyID: nil, accounts: s.accounts.count,
                    suspiciousAccounts: s.accounts.filter { accounts[$0].isCandidate }.count, requestsEstimate: s.requests,
                    duplicateRate: 1, subnets: Self.subnets(s.accounts, accounts)))
        }
        var kept = Array(
            out.sorted {
                ($1.accounts, $1.requestsEstimate, $0.origin, $0.familyID ?? -1, $0.template) < ($0.accounts, $0.requestsEstimate, $1.origin, $1.familyID ?? -1, $1.template)
            }.prefix(top))
        for i in kept.indices {
            if let id = kept[i].familyID { kept[i].template = fam.template(ofMembers: fam.families[id].members) }
        }
        families = kept
    }

    static func subnets<Members: Sequence<Int>>(_ members: Members, _ accounts: [AccountView]) -> Int {
        var nets = Set<String>()
        for m in members { for net in accounts[m].profile.subnets.payloadsUnordered { nets.insert(net) } }
        return nets.count
    }
}
