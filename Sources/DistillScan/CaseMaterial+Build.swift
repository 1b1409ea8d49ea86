import DistillDecode
import DistillLink
import DistillProfile
import DistillReport
import DistillScore

/// Per-member figures and the evidence edges inside campaigns, taken from the link stage
/// before it is released (the members table, `--format csv` and `--db` read them).
enum CaseMaterialBuilder {
    static func build(_ campaigns: [Campaign], _ link: Linker.Result) -> (members: [String: MemberFigures], edges: [CaseEdge]) {
        let index = Dictionary(uniqueKeysWithValues: link.accounts.enumerated().map { ($0.element.id, $0.offset) })
        var campaignOf = [Int](repeating: -1, count: link.accounts.count)
        for (ci, c) in campaigns.enumerated() { for a in c.accounts { if let i = index[a] { campaignOf[i] = ci } } }
        var kinds: [Int: Set<String>] = [:]
        var links: [Int: Int] = [:]
        var edges: [CaseEdge] = []
        for e in link.graph.edges where campaignOf[e.a] >= 0 && campaignOf[e.a] == campaignOf[e.b] {
            let weights = EvidenceKind.allCases.filter { e.evidence[$0] > 0 }.map { CaseEdge.Weight(kind: $0.rawValue, weight: e.evidence[$0]) }
            for k in weights { kinds[e.a, default: []].insert(k.kind); kinds[e.b, default: []].insert(k.kind) }
            links[e.a, default: 0] += 1
            links[e.b, default: 0] += 1
            let (x, y) = (link.accounts[e.a].id, link.accounts[e.b].id)
            edges.append(CaseEdge(a: min(x, y), b: max(x, y), weights: weights))
        }
        edges.sort { ($0.a, $0.b) < ($1.a, $1.b) }
        var members: [String: MemberFigures] = [:]
        for (i, v) in link.accounts.enumerated() where campaignOf[i] >= 0 {
            members[v.id] = figures(v, evidence: (kinds[i] ?? []).sorted(), links: links[i] ?? 0)
        }
        return (members, edges)
    }

    static func figures(_ v: AccountView, evidence: [String], links: Int) -> MemberFigures {
        let p = v.profile
        func top<P>(_ b: BottomK<P>, _ name: (P) -> String) -> String? {
            b.entries.values.map { ($0.count, name($0.payload)) }.min { ($1.0, $0.1) < ($0.0, $1.1) }?.1
        }
        return MemberFigures(
            account: v.id, requests: p.requests, firstSeen: p.requests > 0 ? p.firstSeen : 0, lastSeen: p.requests > 0 ? p.lastSeen : 0,
            emailDomain: v.info?.emailDomain, payment: v.info?.paymentFingerprint, country: v.info?.billingCountry,
            topIP: top(p.ips) { $0 }, topClient: top(p.clients) { $0.display },
            suspicion: v.suspicion, extractionShare: p.extractionShare, evidence: evidence, links: links)
    }
}
