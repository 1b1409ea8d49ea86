import DistillScore

extension AnalysisReport {
    /// Accounts and the infrastructure they share, as a Graphviz/Gephi graph: one cluster
    /// per campaign, shared IPs / subnets / cards / domains / clients as nodes.
    public func dot() -> String {
        var o = "graph distillscan {\n  graph [overlap=false, splines=true];\n  node [fontsize=10];\n"
        func q(_ s: String) -> String { "\"" + SafeText.plain(s, limit: 80).replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\"" }
        var infra = Set<String>()
        for c in campaigns {
            o += "  subgraph \(q("cluster_" + c.id)) {\n    label=\(q("\(c.id) \(c.severity.rawValue) \(c.score)"));\n"
            for a in c.accounts { o += "    \(q("acct:" + a)) [label=\(q(a)), shape=box];\n" }
            o += "  }\n"
            let shared: [(String, [Tally])] = [("ip", c.ips), ("subnet", c.subnets), ("card", c.payments), ("domain", c.emailDomains), ("client", c.clients)]
            for (kind, tallies) in shared {
                for t in tallies where t.accounts >= 2 {
                    let node = kind + ":" + t.value
                    if infra.insert(node).inserted { o += "  \(q(node)) [label=\(q(kind + " " + t.value)), shape=ellipse];\n" }
                    o += "  \(q("campaign:" + c.id)) -- \(q(node)) [label=\(q("\(t.accounts) accounts"))];\n"
                }
            }
            o += "  \(q("campaign:" + c.id)) [label=\(q(c.id)), shape=doubleoctagon];\n"
            for a in c.accounts { o += "  \(q("campaign:" + c.id)) -- \(q("acct:" + a));\n" }
        }
        return o + "}\n"
    }
}

import Foundation
