import DistillLink
import DistillProfile
import DistillSupport

/// Facts about the whole dump that scoring compares a group against.
struct ScoringContext: Sendable {
    /// Model → first time any account used it.
    var modelFirstSeen: [String: Int64] = [:]
    var modelRequests: [String: Int] = [:]
    /// Model → accounts using it.
    var modelAccounts: [String: Int] = [:]
    var totalRequests = 0
    var dumpStart = Int64.max
    /// System-prompt hash → accounts using it.
    var systemPromptAccounts: [UInt64: Int] = [:]
    /// Each account's prompt samples (`CampaignBuilder` reads a group's).
    var accountSamples = PromptFamilies.AccountSamples()
    /// Tallies of the edges inside each candidate group (by group index), summed in graph
    /// order: one pass over the graph instead of one per group, and no copies of edges.
    var linkage: [GroupLinkage] = []

    /// The dump-wide facts and the groups' linkage are two passes (over the accounts, over
    /// the edges) that read nothing of each other: side by side on two threads.
    init(_ link: Linker.Result, threads: Int = 1) {
        let (facts, linkage) = bothInParallel(threads: threads, { Self.dumpFacts(link) }, { Self.linkage(link) })
        self = facts
        self.linkage = linkage
    }

    /// Everything but `linkage`, from the accounts.
    private static func dumpFacts(_ link: Linker.Result) -> ScoringContext {
        var c = ScoringContext()
        c.accountSamples = PromptFamilies.AccountSamples(link.families)
        // One table, an entry per model, while counting: each (account, model) hashes its
        // name once, not once per table (four string hashes).
        var models: [String: ModelTally] = [:]
        // By index: an account view is large, and a copy of one per account adds up.
        for i in link.accounts.indices {
            c.dumpStart = min(c.dumpStart, link.accounts[i].profile.firstSeen)
            c.totalRequests += link.accounts[i].profile.requests
            link.accounts[i].profile.forEachModel { m, u in models[m, default: ModelTally()].add(u) }
            for h in link.accounts[i].profile.systemPromptHashes { c.systemPromptAccounts[h, default: 0] += 1 }
        }
        for (m, f) in models {
            c.modelFirstSeen[m] = f.firstSeen
            c.modelRequests[m] = f.requests
            c.modelAccounts[m] = f.accounts
        }
        return c
    }

    private init() {}

    /// One model's use by every account, summed in one table entry.
    private struct ModelTally {
        var firstSeen = Int64.max, requests = 0, accounts = 0

        mutating func add(_ u: AccountProfile.ModelUse) {
            firstSeen = min(firstSeen, u.firstSeen)
            requests += u.requests
            accounts += 1
        }
    }

    /// Each group's linkage, from one pass over the edges.
    private static func linkage(_ link: Linker.Result) -> [GroupLinkage] {
        var groupOf = [Int](repeating: -1, count: link.accounts.count)
        for (i, g) in link.groups.enumerated() { for a in g { groupOf[a] = i } }
        var linkage = Array(repeating: GroupLinkage(), count: link.groups.count)
        var linked = [Bool](repeating: false, count: link.accounts.count)
        // The edges walked here, not through `forEachStored`: a million edges, and its
        // closures are calls across the module boundary (~300 instructions an edge).
        let group = groupOf.span
        var tallies = linkage.mutableSpan, touched = linked.mutableSpan
        let edges = link.graph.edges
        for s in 0..<edges.segmentCount {
            edges.withSegment(s) { heads, weights in
                var next = 0
                for e in heads.indices {
                    let h = heads[e], n = h.kinds.nonzeroBitCount
                    let a = Int(h.a), b = Int(h.b), g = group[a]
                    if g >= 0 && g == group[b] {
                        tallies[g].add(kinds: h.kinds, weights: weights.extracting(next..<(next + n)))
                        touched[a] = true
                        touched[b] = true
                    }
                    next += n
                }
            }
        }
        for (i, g) in link.groups.enumerated() { linkage[i].linkedAccounts = g.reduce(0) { $0 + (linked[$1] ? 1 : 0) } }
        return linkage
    }

    /// Linkage inside the group: share of member pairs that are linked, mean edge weight,
    /// and one signal per evidence kind with its counts.
    func coordination(_ group: [Int], _ tally: GroupLinkage) -> (Double, [Signal]) {
        let kinds = EvidenceKind.allCases
        let (pairs, weights, totalWeight) = (tally.pairs, tally.weights, tally.totalWeight)
        var byKind: [EvidenceKind: (pairs: Int, weight: Double)] = [:]
        for (i, k) in kinds.enumerated() where pairs[i] > 0 { byKind[k] = (pairs[i], weights[i]) }
        let meanWeight = tally.edges == 0 ? 0 : totalWeight / Double(tally.edges)
        let connected = tally.linkedAccounts
        var signals: [Signal] = []
        for k in EvidenceKind.allCases {
            guard let v = byKind[k] else { continue }
            let kind: SignalKind = k == .family ? .promptFamily : (k == .sync || k == .lockstep || k == .handoff ? .coordination : .linkage)
            signals.append(
                Signal(
                    kind: kind, link: k.rawValue, strength: min(1, Double(v.pairs) / Double(max(1, tally.edges))),
                    counts: [("pairs", Double(v.pairs)), ("mean_weight", v.weight / Double(v.pairs))],
                    fact: .linkage(kind: k, pairs: v.pairs, meanWeight: v.weight / Double(v.pairs))))
        }
        let familyShare = tally.edges == 0 ? 0 : Double(byKind[.family]?.pairs ?? 0) / Double(tally.edges)
        let strength = min(1, meanWeight / 6) * 0.5 + 0.25 * Double(connected) / Double(group.count) + 0.25 * familyShare
        return (min(1, strength + 0.25), signals)
    }

    /// The group moved to a model that appeared during the dump faster and more fully than everyone else.
    func pivot(_ members: [AccountView], _ params: ScoreParameters) -> Signal? {
        let hours = params.pivotHours
        var best: Signal?
        let memberModels = members.map(\.profile.models)
        for (model, first) in modelFirstSeen.sorted(by: { $0.key < $1.key }) where Double(first) - Double(dumpStart) > params.pivotWarmupHours * 3_600_000 {
            let groupFirst = memberModels.compactMap { $0[model]?.firstSeen }.min()
            guard let gf = groupFirst else { continue }
            let lag = Double(gf - first) / 3_600_000
            // A release is a model the rest of the world uses too, not one only this group calls.
            let users = memberModels.filter { $0[model] != nil }.count
            guard (modelAccounts[model] ?? 0) - users >= params.pivotOtherAccounts else { continue }
            let groupReq = memberModels.reduce(0) { $0 + ($1[model]?.requests ?? 0) }
            let groupTotal = members.reduce(0) { $0 + $1.profile.requests }
            let share = Double(groupReq) / Double(max(1, groupTotal))
            let others = Double((modelRequests[model] ?? 0) - groupReq) / Double(max(1, totalRequests - groupTotal))
            guard lag <= hours, share >= params.pivotMinShare, share >= params.pivotLift * others else { continue }
            let s = Signal(
                kind: .modelPivot, strength: min(1, share), counts: [("lag_hours", lag), ("group_share", share), ("others_share", others)],
                fact: .modelPivot(model: model, lagHours: lag, groupShare: share, othersShare: others))
            if best == nil || s.strength > best!.strength { best = s }
        }
        return best
    }

    /// Share of the group's requests whose system prompt is used by many accounts.
    func widespreadClientShare(_ members: [AccountView], minAccounts: Int) -> Double {
        var widespread = 0, total = 0
        for m in members {
            total += m.profile.requests
            for (h, e) in m.profile.systemPrompts.entries where (systemPromptAccounts[h] ?? 0) >= minAccounts { widespread += e.count }
        }
        return total == 0 ? 0 : Double(widespread) / Double(total)
    }
}

/// The edges inside one candidate group, tallied by evidence kind (in `EvidenceKind.allCases` order).
struct GroupLinkage: Sendable {
    /// Built once: `allCases` makes a new array on every use, and `add` runs per edge.
    static let kinds = EvidenceKind.allCases
    /// The kinds that are shared infrastructure or identity rather than behaviour.
    static let infrastructureKinds: [EvidenceKind] = [.payment, .ip, .subnet, .emailDomain, .signup]
    var edges = 0
    /// Edges carrying each kind, and the kind's summed weight (inline: `add` runs per edge).
    /// Ten slots, one per `EvidenceKind` (`PairEvidence.kindCount`; a test holds them equal).
    var pairs = InlineArray<10, Int>(repeating: 0)
    var weights = InlineArray<10, Double>(repeating: 0)
    var totalWeight = 0.0
    /// Members with at least one edge inside the group.
    var linkedAccounts = 0
    /// Edges carrying shared infrastructure or identity (cards, IPs, subnets, email domains, signups).
    var infrastructureEdges = 0
    var infrastructureShare: Double { edges == 0 ? 0 : Double(infrastructureEdges) / Double(edges) }

    /// The infrastructure kinds as a bit set over their indexes in `kinds`.
    static let infrastructureBits: UInt16 = kinds.indices.reduce(0) { infrastructureKinds.contains(kinds[$1]) ? $0 | 1 << UInt16($1) : $0 }

    /// One edge as `EdgeList` stores it: its kinds' bits (indexes as in `kinds`) and their
    /// weights in kind order.
    mutating func add(kinds bits: UInt16, weights values: Span<Double>) {
        edges += 1
        var infrastructure = false
        var total = 0.0
        let infrastructureBits = Self.infrastructureBits
        EdgeWeights.forEach(bits, values) { i, w in
            total += w
            guard w > 0 else { return }
            pairs[i] += 1
            weights[i] += w
            if infrastructureBits & (1 << UInt16(i)) != 0 { infrastructure = true }
        }
        // The same sum as `PairEvidence.total`: the kinds not stored are +0.0.
        totalWeight += total
        if infrastructure { infrastructureEdges += 1 }
    }
}
