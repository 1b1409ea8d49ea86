import DistillDecode
import DistillLink
import DistillProfile
import DistillReport
import DistillScan
import DistillScore

/// `distillscan account`: one account's profile as the analysis saw it — activity and
/// timeline, infrastructure, prompt families, extraction intent — and every account it
/// has a kept evidence edge with, by kind and weight.
package struct AccountDossier: Sendable {
    package struct Link: Sendable {
        package var account: String
        package var campaign: String?
        package var total: Double
        package var weights: [CaseEdge.Weight]
    }
    package struct Family: Sendable {
        package var template: String
        package var share: Double
        package var accounts: Int
    }

    package var id: String
    package var campaign: String?
    package var severity: String?
    package var isCandidate: Bool
    package var suspicion: Double
    package var info: AccountInfo?
    package var profile: AccountProfile
    package var families: [Family]
    package var links: [Link]

    /// Runs the analysis and keeps what it knows of `id`; a `CaseError` if the dump has no
    /// such account (with the closest ids it has).
    package static func build(_ config: AnalysisConfiguration, id: String) throws -> (AccountDossier, InputSummary) {
        var found: AccountDossier?
        var near: [String] = []
        let report = Analysis.run(
            config,
            inspect: { link, campaigns in
                guard let i = link.accounts.firstIndex(where: { $0.id == id }) else {
                    // Ids that contain the one asked for, or are contained in it (a typo'd prefix, a pasted suffix).
                    let q = id.lowercased()
                    near = link.accounts.map(\.id).filter {
                        let l = $0.lowercased(); return !q.isEmpty && (l.contains(q) || q.contains(l))
                    }.prefix(5).map { $0 }
                    return
                }
                found = make(i, link, campaigns)
            })
        guard let d = found else {
            throw CaseError("no account \(id) in the \(report.input.tally.records) records read" + (near.isEmpty ? "" : "; similar ids: " + near.joined(separator: ", ")))
        }
        return (d, report.input)
    }

    static func make(_ i: Int, _ link: Linker.Result, _ campaigns: [Campaign]) -> AccountDossier {
        let v = link.accounts[i]
        var campaignOf: [String: Campaign] = [:]
        for c in campaigns { for a in c.accounts { campaignOf[a] = c } }
        var families: [Family] = []
        // Every family of the account, one-account families too (the link stage keeps only
        // those that can link).
        let own = link.families.shares(allFamilies: true).first { $0.account == i }?.shares ?? [:]
        for (f, share) in own.sorted(by: { ($1.value, $0.key) < ($0.value, $1.key) }).prefix(8) {
            let fam = link.families.families[f]
            families.append(Family(template: link.template(ofFamily: f), share: share, accounts: fam.accounts.count))
        }
        var links: [Link] = []
        for e in link.graph.edges where e.a == i || e.b == i {
            let other = link.accounts[e.a == i ? e.b : e.a].id
            let weights = EvidenceKind.allCases.filter { e.evidence[$0] > 0 }.map { CaseEdge.Weight(kind: $0.rawValue, weight: e.evidence[$0]) }
            links.append(Link(account: other, campaign: campaignOf[other]?.id, total: e.evidence.total, weights: weights))
        }
        links.sort { ($1.total, $0.account) < ($0.total, $1.account) }
        let c = campaignOf[v.id]
        return AccountDossier(
            id: v.id, campaign: c?.id, severity: c?.severity.rawValue, isCandidate: v.isCandidate, suspicion: v.suspicion,
            info: v.info, profile: v.profile, families: families, links: links)
    }
}
