import DistillDecode
import DistillLink
import DistillProfile
import DistillScore
import DistillSupport

/// Per-member figures and the evidence edges inside campaigns, taken from the link stage
/// before it is released (the members table, `--format csv` and `--db` read them).
enum CaseMaterialBuilder {
    static func build(_ campaigns: [Campaign], _ link: Linker.Result, edges keepEdges: Bool, threads: Int = 1) -> (members: [String: MemberFigures], edges: [CaseEdge]) {
        // Keyed by the members only: an index of every account costs ~100 bytes each, and a
        // dump may hold millions of accounts that are in no campaign.
        var campaignOfMember: [String: Int] = [:]
        for (ci, c) in campaigns.enumerated() { for a in c.accounts { campaignOfMember[a] = ci } }
        // Per account its campaign and its place among the members (-1: in none), 32-bit:
        // two arrays over every account, and a dump may hold millions.
        var campaignOf = [Int32](repeating: -1, count: link.accounts.count)
        var slotOf = [Int32](repeating: -1, count: link.accounts.count)
        var members: [Int] = []
        if !campaignOfMember.isEmpty {
            for i in link.accounts.indices {
                if let ci = campaignOfMember[link.accounts[i].id] {
                    campaignOf[i] = Int32(ci)
                    slotOf[i] = Int32(members.count)
                    members.append(i)
                }
            }
        }
        let allKinds = EvidenceKind.allCases
        let campaign = campaignOf, slot = slotOf, count = members.count
        // Evidence kinds per member as a bit set over `EvidenceKind.allCases`: a campaign of
        // a few hundred accounts has tens of thousands of edges, read in parts on all
        // threads, each with its own tallies (per member, not per account). A part (a run of
        // the list's segments) per thread, of at least `edgesPerPart` edges; one part when
        // the edges are kept (for `--db`): parts' edge lists joined would be a second copy
        // of them all.
        let edgeList = link.graph.edges
        let parts = keepEdges ? 1 : max(1, min(threads, edgeList.count / Self.edgesPerPart))
        let starts = edgeList.segmentParts(parts)
        let tallies = parallelMap(parts, threads: threads) { part -> (kinds: [UInt32], links: [Int], edges: [CaseEdge]) in
            var kinds = [UInt32](repeating: 0, count: count), links = [Int](repeating: 0, count: count)
            var edges: [CaseEdge] = []
            // Accounts are in ascending id order and edges in ascending (a, b) order, so the
            // edges come out sorted by (id of a, id of b) with a < b.
            // The part's edges walked here, not through `forEachStored`: its closure is a
            // call across the module boundary per edge (`EdgeWeights.forEach` is inlined).
            let campaignOf = campaign.span, slotOf = slot.span
            var kindsOf = kinds.mutableSpan, linksOf = links.mutableSpan
            for s in starts[part]..<starts[part + 1] {
                edgeList.withSegment(s) { heads, weights in
                    var next = 0
                    for e in heads.indices {
                        let h = heads[e], n = h.kinds.nonzeroBitCount
                        let a = Int(h.a), b = Int(h.b)
                        defer { next += n }
                        guard campaignOf[a] >= 0 && campaignOf[a] == campaignOf[b] else { continue }
                        var mask: UInt32 = 0
                        var named: [CaseEdge.Weight]? = keepEdges ? [] : nil
                        EdgeWeights.forEach(h.kinds, weights, from: next) { k, w in
                            guard w > 0 else { return }
                            mask |= 1 << UInt32(k)
                            // Named only when the edges are kept (for `--db`).
                            named?.append(CaseEdge.Weight(kind: allKinds[k].rawValue, weight: w))
                        }
                        let (x, y) = (Int(slotOf[a]), Int(slotOf[b]))
                        kindsOf[x] |= mask
                        kindsOf[y] |= mask
                        linksOf[x] += 1
                        linksOf[y] += 1
                        if let named { edges.append(CaseEdge(a: link.accounts[a].id, b: link.accounts[b].id, weights: named)) }
                    }
                }
            }
            return (kinds, links, edges)
        }
        var byAccount: [String: MemberFigures] = [:]
        for (m, i) in members.enumerated() {
            let kinds = tallies.reduce(UInt32(0)) { $0 | $1.kinds[m] }, links = tallies.reduce(0) { $0 + $1.links[m] }
            let evidence = allKinds.enumerated().filter { kinds & (1 << UInt32($0.offset)) != 0 }.map(\.element.rawValue).sorted()
            byAccount[link.accounts[i].id] = figures(link.accounts[i], evidence: evidence, links: links)
        }
        // Edges are kept only in a walk of one part (above).
        return (byAccount, tallies[0].edges)
    }

    /// Edges a part of the case material's edge walk has at least (below it, a part's
    /// tallies and thread cost more than the walk they split).
    static let edgesPerPart = 65_536

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
