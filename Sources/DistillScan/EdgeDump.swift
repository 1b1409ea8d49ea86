import DistillLink
import DistillReport
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
        // Through OutputFile, like -o: a device or symlink given here is written through, not replaced.
        do { try OutputFile.write(Array(o.utf8), to: path) } catch {
            StandardStreams.error("distillscan: DISTILLSCAN_EDGES: " + SafeText.terminal(error.description) + "\n")
        }
    }
}
