import DistillDecode
import DistillScan
import DistillScore
import DistillSupport
import Foundation

extension AnalysisReport {
    /// Accounts and the infrastructure they share, as a Graphviz/Gephi graph: one cluster
    /// per campaign, shared IPs / subnets / cards / domains / clients as nodes.
    package func dot() -> String {
        var o = "graph distillscan {\n  graph [overlap=false, splines=true];\n  node [fontsize=10];\n"
        func q(_ s: String) -> String { DOTText.quoted(SafeText.plain(s, limit: 80)) }
        func id(_ kind: String, _ value: String) -> String { DOTText.nodeID(kind, value) }
        var infra = Set<String>()
        for c in campaigns {
            o += "  subgraph \(DOTText.quoted("cluster_" + SafeText.plain(c.id, limit: 80))) {\n    label=\(q("\(c.id) \(c.severity.rawValue) \(c.score)"));\n"
            for a in c.accounts { o += "    \(id("acct", a)) [label=\(q(a)), shape=box];\n" }
            o += "  }\n"
            let shared: [(String, [Tally])] = [("ip", c.ips), ("subnet", c.subnets), ("card", c.payments), ("domain", c.emailDomains), ("client", c.clients)]
            for (kind, tallies) in shared {
                for t in tallies where t.accounts >= 2 {
                    if infra.insert(kind + ":" + t.value).inserted { o += "  \(id(kind, t.value)) [label=\(q(kind + " " + t.value)), shape=ellipse];\n" }
                    o += "  \(id("campaign", c.id)) -- \(id(kind, t.value)) [label=\(q("\(t.accounts) accounts"))];\n"
                }
            }
            o += "  \(id("campaign", c.id)) [label=\(q(c.id)), shape=doubleoctagon];\n"
            for a in c.accounts { o += "  \(id("campaign", c.id)) -- \(id("acct", a));\n" }
        }
        return o + "}\n"
    }
}

/// Quoting for Graphviz DOT: labels are cleaned and cut for display, node ids are
/// unique per value whatever its length or content.
enum DOTText {
    /// A DOT quoted string (backslashes and quotes escaped).
    static func quoted(_ s: String) -> String {
        var out = "\""
        // Scalars: a `"` followed by a combining mark is a Character that is not `"`.
        for u in s.unicodeScalars {
            if u == "\\" || u == "\"" { out.append("\\") }
            out.unicodeScalars.append(u)
        }
        return out + "\""
    }

    /// The node id of `value`: `kind:value` when the value is short and clean, else
    /// `kind#<hash>:<clean prefix>`, so that two accounts sharing their first 80
    /// characters (or differing only in control characters) stay two nodes. The two
    /// forms never meet: only the second has `#` right after the kind.
    static func nodeID(_ kind: String, _ value: String) -> String {
        let clean = SafeText.plain(value, limit: 80)
        if clean == value { return quoted(kind + ":" + value) }
        return quoted(kind + "#" + String(StableHash.string(value), radix: 16) + ":" + clean)
    }
}
