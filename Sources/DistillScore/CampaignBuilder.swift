import DistillDecode
import DistillLink
import DistillProfile

/// Assembles a campaign's report material: members, infrastructure with counts, prompt
/// families with templates, per-day timeline and sample prompts.
enum CampaignBuilder {
    static let topValues = 8

    static func build(
        id: String, severity: Severity, score: Double, group: [Int], samples groupSampleIndexes: [Int], link: Linker.Result,
        aggregate agg: AccountProfile, signals: [Signal], benign: [BenignExplanation], severityRule: SeverityRule
    ) -> Campaign {
        let members = group.map { link.accounts[$0] }
        func tallies(_ pick: (AccountView) -> [(String, Int)]) -> [Tally] {
            var acc: [String: (Int, Int)] = [:]
            for m in members { for (v, n) in pick(m) { acc[v, default: (0, 0)].0 += 1; acc[v, default: (0, 0)].1 += n } }
            return acc.map { Tally(value: $0.key, accounts: $0.value.0, requests: $0.value.1) }
                .sorted { ($1.accounts, $1.requests, $0.value) < ($0.accounts, $0.requests, $1.value) }
                .prefix(topValues).map { $0 }
        }
        let ips = tallies { $0.profile.ips.entries.values.map { ($0.payload, $0.count) } }
        let subnets = tallies { $0.profile.subnets.entries.values.map { ($0.payload, $0.count) } }
        let clients = tallies { $0.profile.clients.entries.values.map { ($0.payload.display, $0.count) } }
        let payments = tallies { m in m.info?.paymentFingerprint.map { [($0, m.profile.requests)] } ?? [] }
        let domains = tallies { m in m.info?.emailDomain.map { [($0, m.profile.requests)] } ?? [] }
        let models = tallies { $0.profile.models.map { ($0.key, $0.value.requests) } }

        // Families: share of the group's samples, accounts inside and outside the group.
        // The group's samples come from the caller (`PromptFamilies.AccountSamples`),
        // ascending: a walk over every sample, per campaign, grew with campaigns × dump.
        let inGroup = Array(Set(group)).sorted()
        var famCount: [Int: Int] = [:]
        for i in groupSampleIndexes { famCount[link.families.familyOf[i], default: 0] += 1 }
        let groupSamples = groupSampleIndexes.count
        var families: [Campaign.FamilySummary] = []
        for (f, n) in famCount.sorted(by: { ($1.value, $0.key) < ($0.value, $1.key) }).prefix(5) {
            let fam = link.families.families[f]
            let inside = overlap(inGroup, fam.accounts)
            guard inside >= 2 || families.isEmpty else { continue }
            families.append(
                Campaign.FamilySummary(
                    template: link.template(ofFamily: f), share: Double(n) / Double(max(1, groupSamples)),
                    accounts: inside, outsideAccounts: fam.accounts.count - inside))
        }
        // Timeline.
        var days: [Int32: Int] = [:]
        for m in members { days.merge(m.profile.days, uniquingKeysWith: +) }
        let timeline = days.sorted { $0.key < $1.key }.map { (day: $0.key, requests: $0.value) }
        // Samples: a few distinct prompts from the largest family, then others.
        var samples: [String] = []
        let topFamily = famCount.max { ($0.value, $1.key) < ($1.value, $0.key) }?.key
        let ordered = groupSampleIndexes
            .sorted { (link.families.familyOf[$0] == topFamily ? 0 : 1, link.families.samples[$0].hash) < (link.families.familyOf[$1] == topFamily ? 0 : 1, link.families.samples[$1].hash) }
        for i in ordered where samples.count < 3 {
            let t = link.families.samples[i].prompt.text
            if !samples.contains(t) { samples.append(t) }
        }
        return Campaign(
            id: id, severity: severity, score: (score * 10).rounded() / 10, accounts: members.map(\.id).sorted(), requests: agg.requests,
            firstSeen: agg.firstSeen, lastSeen: agg.lastSeen, signals: signals, benign: benign, severityRule: severityRule, families: families,
            ips: ips, subnets: subnets, clients: clients, payments: payments, emailDomains: domains, models: models,
            timeline: timeline, samples: samples)
    }

    /// How many values two ascending, duplicate-free lists share: the smaller one's values
    /// looked up in the larger by bisection, so a campaign's cost follows its own size and
    /// not that of the families it meets (an everyday family can hold most of the dump).
    static func overlap(_ a: [Int], _ b: [Int]) -> Int {
        let (small, large) = a.count <= b.count ? (a, b) : (b, a)
        var shared = 0
        var low = 0
        for v in small {
            var high = large.count
            while low < high {
                let mid = low + (high - low) / 2
                if large[mid] < v { low = mid + 1 } else { high = mid }
            }
            if low < large.count && large[low] == v { shared += 1 }
        }
        return shared
    }
}
