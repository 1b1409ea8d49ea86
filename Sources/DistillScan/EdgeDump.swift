import DistillLink

/// Troubleshooting aid: `analyze --dump-edges FILE` writes every kept edge (account,
/// account, weight per evidence kind) as TSV, to see why accounts were linked.
package enum EdgeDump {
    package static func tsv(_ link: Linker.Result) -> String {
        var o = "a\tb\ttotal\t" + EvidenceKind.allCases.map(\.rawValue).joined(separator: "\t") + "\n"
        for e in link.graph.edges {
            o += field(link.accounts[e.a].id) + "\t" + field(link.accounts[e.b].id) + "\t" + String(e.evidence.total) + "\t"
            o += e.evidence.weights.map { String($0) }.joined(separator: "\t") + "\n"
        }
        return o
    }

    /// An account id as one TSV field: tabs, line breaks and backslashes escaped (ids come
    /// from the logs), other control characters shown escaped.
    static func field(_ s: String) -> String {
        guard s.utf8.contains(where: { $0 < 0x20 || $0 == 0x7F || $0 == UInt8(ascii: "\\") }) else { return s }
        var o = ""
        for u in s.unicodeScalars {
            switch u {
            case "\\": o += "\\\\"
            case "\t": o += "\\t"
            case "\n": o += "\\n"
            case "\r": o += "\\r"
            default: o += u.value < 0x20 || u.value == 0x7F ? "\\x" + String(u.value, radix: 16) : String(u)
            }
        }
        return o
    }
}
