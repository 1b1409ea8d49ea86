import DistillLink
import DistillInput
import Foundation

/// Troubleshooting aid: with `DISTILLSCAN_EDGES=FILE`, `analyze` writes every kept edge
/// (account, account, weight per evidence kind) as TSV, to see why accounts were linked.
enum EdgeDump {
    static func write(_ link: Linker.Result, to path: String) {
        var o = "a\tb\ttotal\t" + EvidenceKind.allCases.map(\.rawValue).joined(separator: "\t") + "\n"
        for e in link.graph.edges {
            o += link.accounts[e.a].id + "\t" + link.accounts[e.b].id + "\t" + String(e.evidence.total) + "\t"
            o += e.evidence.weights.map { String($0) }.joined(separator: "\t") + "\n"
        }
        if !FileManager.default.createFile(atPath: path, contents: Data(o.utf8)) {
            StandardStreams.error("distillscan: DISTILLSCAN_EDGES: cannot write the file\n")
        }
    }
}
