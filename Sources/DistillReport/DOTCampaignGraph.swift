import DistillScan
import DistillScore
import DistillSupport

extension AnalysisReport {
    /// `--format dot --campaign ID`: one campaign as a left-to-right bipartite graph —
    /// member groups (members sharing exactly the same values collapsed into one box with
    /// a count) → the IPs, subnets, cards, e-mail domains, clients, prompt families and
    /// timing evidence they share (see `CampaignGraph`). `dot -Tsvg` lays it out in well
    /// under a second: at most 60 boxes and 40 values. Nil when no campaign has that id.
    package func dot(campaign id: String) -> String? {
        guard let c = campaigns.first(where: { $0.id == id }) else { return nil }
        let g = CampaignGraph(report: self, campaign: c)
        func q(_ s: String, _ limit: Int = 60) -> String { DOTText.quoted(SafeText.plain(s, limit: limit)) }
        var o = "graph \(q("campaign " + c.id, 100)) {\n"
        o +=
            "  graph [rankdir=LR, ranksep=2, nodesep=0.15, splines=true, fontsize=12, labelloc=t, label=\(q("\(c.id) \(c.severity.rawValue) score \(JSONValue.number(c.score)): \(c.accounts.count) accounts, \(c.requests) requests", 200))];\n"
        o += "  node [fontsize=10];\n"
        for (i, grp) in g.groups.enumerated() {
            let label = DOTText.lines([SafeText.plain(CampaignGraph.label(grp), limit: 60), "\(grp.members.count) account(s), \(grp.requests) requests"])
            o += "  g\(i) [shape=box, style=filled, fillcolor=\"#eceff1\", label=\(label)];\n"
        }
        for (k, n) in g.nodes.enumerated() {
            let label = DOTText.lines([n.kind + " " + SafeText.plain(n.value, limit: 50), "\(n.members) members"])
            o += "  v\(k) [shape=ellipse, color=\(DOTText.quoted(HTMLReport.kindColours[n.kind] ?? "#999999")), label=\(label)];\n"
        }
        if !g.common.isEmpty {
            o += "  all [shape=box, style=filled, fillcolor=\"#cfd8dc\", label=\(DOTText.quoted("every member (\(c.accounts.count))"))];\n"
            for k in g.common { o += "  all -- v\(k) [penwidth=4];\n" }
        }
        for (i, grp) in g.groups.enumerated() {
            for k in grp.nodes { o += "  g\(i) -- v\(k) [penwidth=\(min(6, 1 + grp.members.count / 5))];\n" }
        }
        if g.omittedGroups > 0 {
            o += "  omitted [shape=note, label=\(DOTText.quoted("\(g.omittedGroups) smaller group(s), \(g.omittedMembers) member(s) not drawn"))];\n"
        }
        return o + "}\n"
    }
}

extension DOTText {
    /// A quoted label of several lines (DOT's `\n` escape between them; each line escaped).
    static func lines(_ parts: [String]) -> String {
        "\"" + parts.map { String(quoted($0).dropFirst().dropLast()) }.joined(separator: "\\n") + "\""
    }
}
