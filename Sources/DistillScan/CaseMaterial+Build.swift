import DistillDecode
import DistillLink
import DistillProfile
import DistillScore

/// Per-member figures and the evidence edges inside campaigns, taken from the link stage
/// before it is released (the members table, `--format csv` and `--db` read them).
enum CaseMaterialBuilder {
    static func build(_ campaigns: [Campaign], _ link: Linker.Result, edges keepEdges: Bool) -> (members: [String: MemberFigures], edges: [CaseEdge]) {
        // Keyed by the members only: an index of every account costs ~100 bytes each, and a
        // dump may hold millions of accounts that are in no campaign.
        var campaignOfMember: [String: Int] = [:]
        for (ci, c) in campaigns.enumerated() { for a in c.accounts { campaignOfMember[a] = ci } }
        var campaignOf = [Int](repeating: -1, count: link.accounts.count)
        if !campaignOfMember.isEmpty {
            for i in link.accounts.indices { if let ci = campaignOfMember[link.accounts[i].id] { campaignOf[i] = ci } }
        }
        // Evidence kinds per member as a bit set over `EvidenceKind.allCases`: a campaign of
        // a few hundred accounts has tens of thousands of edges.
        let allKinds = EvidenceKind.allCases
        var kinds = [UInt32](repeating: 0, count: link.accounts.count)
        var links = [Int](repeating: 0, count: link.accounts.count)
        var edges: [CaseEdge] = []
        // Accounts are in ascending id order and edges in ascending (a, b) order, so the
        // edges come out sorted by (id of a, id of b) with a < b.
        link.graph.edges.forEachStored(where: { campaignOf[$0] >= 0 && campaignOf[$0] == campaignOf[$1] }) { a, b, stored, weights in
            var mask: UInt32 = 0
            var named: [CaseEdge.Weight] = []
            EdgeList.forEachWeight(stored, weights) { k, w in
                guard w > 0 else { return }
                mask |= 1 << UInt32(k)
                // Named only when the edges are kept (for `--db`).
                if keepEdges { named.append(CaseEdge.Weight(kind: allKinds[k].rawValue, weight: w)) }
            }
            kinds[a] |= mask
            kinds[b] |= mask
            links[a] += 1
            links[b] += 1
            if keepEdges { edges.append(CaseEdge(a: link.accounts[a].id, b: link.accounts[b].id, weights: named)) }
        }
        var members: [String: MemberFigures] = [:]
        for (i, v) in link.accounts.enumerated() where campaignOf[i] >= 0 {
            let evidence = allKinds.enumerated().filter { kinds[i] & (1 << UInt32($0.offset)) != 0 }.map(\.element.rawValue).sorted()
            members[v.id] = figures(v, evidence: evidence, links: links[i])
        }
        return (members, edges)
    }

    static func figures(_ v: AccountView, evidence: [String], links: Int) -> MemberFigures {
        let p = v.profile
        func top<P>(_ b: BottomK<P>, _ name: (P) -> String) -> String? {
            b.entries.values.map { ($0.count, name($0.payload)) }.min { ($1.0, $0.1) < ($0.0, $1.1) }?.1
        }
        var m = MemberFigures(
            account: v.id, requests: p.requests, firstSeen: p.requests > 0 ? p.firstSeen : 0, lastSeen: p.requests > 0 ? p.lastSeen : 0,
            emailDomain: v.info?.emailDomain, payment: v.info?.paymentFingerprint, country: v.info?.billingCountry,
            topIP: top(p.ips) { $0 }, topClient: top(p.clients) { $0.display },
            suspicion: v.suspicion, extractionShare: p.extractionShare, evidence: evidence, links: links)
        m.days = p.days
        m.dayHours = p.dayHours
        return m
    }
}
