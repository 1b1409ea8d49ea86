import DistillScan
import DistillScore

/// One campaign as a bipartite picture: groups of members on one side, the
/// infrastructure and behaviour they share on the other (IP, subnet, card, client, email
/// domain, prompt family, timing). Members linked to exactly the same set of shared nodes
/// are one group with a count, so a 300-account farm on one card and one subnet is one
/// box and two ellipses, not a hairball. Only values shared by two or more members become
/// nodes: a value seen once links nothing. Drawn by `dot(campaign:)` and the HTML report.
package struct CampaignGraph: Sendable {
    /// A shared value: its kind (`ip`, `subnet`, `payment`, `client`, `email domain`,
    /// `family`, `timing`), the value as the report has it, and how many members share it.
    package struct Node: Sendable, Equatable {
        package var kind: String
        package var value: String
        package var members: Int
    }
    /// Members with the same set of nodes (indices into `nodes`, ascending).
    package struct Group: Sendable, Equatable {
        package var members: [String]
        package var requests: Int
        package var nodes: [Int]
    }

    package var campaign: Campaign
    package var nodes: [Node] = []
    package var groups: [Group] = []
    /// Nodes every member shares (indices into `nodes`): drawn once, against "every
    /// member", instead of one line per group.
    package var common: [Int] = []
    /// Groups left out of the picture (beyond `maxGroups`), and how many members they hold.
    package var omittedGroups = 0
    package var omittedMembers = 0

    package static let maxGroups = 60
    package static let maxNodes = 40
    /// Evidence kinds that are behaviour rather than a value (drawn as `timing` nodes).
    static let behaviour = ["sync", "lockstep", "handoff", "signup"]

    package init(report: AnalysisReport, campaign c: Campaign) {
        campaign = c
        // Candidate values per member, in a fixed kind order.
        var values: [String: [(String, String)]] = [:]
        for a in c.accounts {
            guard let m = report.members[a] else { values[a] = []; continue }
            var v: [(String, String)] = []
            if let ip = m.topIP, !ip.isEmpty {
                v.append(("ip", ip))
                if let net = Subnet.of(ip), net != ip { v.append(("subnet", net)) }
            }
            if let p = m.payment, !p.isEmpty { v.append(("payment", p)) }
            if let d = m.emailDomain, !d.isEmpty { v.append(("email domain", d)) }
            if let cl = m.topClient, !cl.isEmpty { v.append(("client", cl)) }
            if m.evidence.contains("family") { for f in c.families.prefix(3) { v.append(("family", f.template)) } }
            for b in Self.behaviour where m.evidence.contains(b) { v.append(("timing", b)) }
            values[a] = v
        }
        var count: [String: Int] = [:]
        func key(_ kv: (String, String)) -> String { kv.0 + "\u{0}" + kv.1 }
        for vs in values.values { for kv in vs { count[key(kv), default: 0] += 1 } }
        // A subnet is worth a node only where it gathers more members than one IP of it.
        var ipCount: [String: Int] = [:]
        for vs in values.values {
            if let ip = vs.first(where: { $0.0 == "ip" }), let net = vs.first(where: { $0.0 == "subnet" }) {
                ipCount[net.1] = max(ipCount[net.1] ?? 0, count[key(ip)] ?? 0)
            }
        }
        var kept: [(String, String, Int)] = []
        var seen = Set<String>()
        for a in c.accounts {
            for kv in values[a] ?? [] where seen.insert(key(kv)).inserted {
                let n = count[key(kv)] ?? 0
                guard n >= 2 else { continue }
                if kv.0 == "subnet" && n <= (ipCount[kv.1] ?? 0) { continue }
                kept.append((kv.0, kv.1, n))
            }
        }
        let order = ["payment", "email domain", "ip", "subnet", "client", "family", "timing"]
        kept.sort { (order.firstIndex(of: $0.0) ?? 9, -$0.2, $0.1) < (order.firstIndex(of: $1.0) ?? 9, -$1.2, $1.1) }
        if kept.count > Self.maxNodes {
            let top = Set(kept.sorted { ($1.2, $0.0, $0.1) < ($0.2, $1.0, $1.1) }.prefix(Self.maxNodes).map { key(($0.0, $0.1)) })
            kept = kept.filter { top.contains(key(($0.0, $0.1))) }
        }
        nodes = kept.map { Node(kind: $0.0, value: $0.1, members: $0.2) }
        let index = Dictionary(uniqueKeysWithValues: nodes.enumerated().map { (key(($0.element.kind, $0.element.value)), $0.offset) })
        common = nodes.indices.filter { nodes[$0].members == c.accounts.count }
        let universal = Set(common)
        var bySet: [[Int]: Group] = [:]
        for a in c.accounts {
            let set = Array(Set((values[a] ?? []).compactMap { index[key($0)] }).subtracting(universal)).sorted()
            bySet[set, default: Group(members: [], requests: 0, nodes: set)].members.append(a)
            bySet[set]!.requests = bySet[set]!.requests &+ (report.members[a]?.requests ?? 0)
        }
        var all = bySet.values.map { g -> Group in
            var g = g; g.members.sort(); return g
        }
        all.sort { ($1.members.count, $0.members[0]) < ($0.members.count, $1.members[0]) }
        if all.count > Self.maxGroups {
            for g in all[Self.maxGroups...] { omittedGroups += 1; omittedMembers += g.members.count }
            all = Array(all.prefix(Self.maxGroups))
        }
        // Groups ordered by where their nodes are (barycentre), so that lines cross less.
        func centre(_ g: Group) -> Double { g.nodes.isEmpty ? Double(nodes.count) : Double(g.nodes.reduce(0, +)) / Double(g.nodes.count) }
        groups = all.sorted { (centre($0), -$0.members.count, $0.members[0]) < (centre($1), -$1.members.count, $1.members[0]) }
    }

    /// A group's label: its first member, and how many more.
    package static func label(_ g: Group) -> String {
        g.members.count == 1 ? g.members[0] : "\(g.members[0]) +\(g.members.count - 1) more"
    }
}

/// The /24 (IPv4) or /48 (IPv6) of an address as the member table shows it (port and
/// brackets allowed); nil for anything that is not an address.
enum Subnet {
    static func of(_ s: String) -> String? {
        if s.hasSuffix("/24") || s.hasSuffix("/48") { return s }  // already a redacted network
        let r = Redaction.network(s)
        return r
    }
}
