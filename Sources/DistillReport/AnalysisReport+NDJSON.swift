import DistillScan
import DistillSupport

extension AnalysisReport {
    /// One campaign per line (for jq and SIEMs), each carrying the run's tool and input totals.
    package func ndjson() -> String {
        var out = ""
        for c in campaigns {
            guard case .object(var members) = c.json else { continue }
            members.insert(("schema_version", .int(1)), at: 0)
            members.insert(("tool", .object([("name", .string(manifest.toolName)), ("version", .string(manifest.toolVersion))])), at: 1)
            members.append(("input_complete", .bool(input.complete)))
            out += JSONValue.object(members).render(pretty: false) + "\n"
        }
        return out
    }
}
