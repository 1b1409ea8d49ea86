import DistillReport
import DistillScore
import Foundation

/// One campaign as a comparison needs it.
package struct CampaignDigest: Sendable, Equatable {
    package var id: String
    package var severity: String
    package var score: Double
    /// Sorted member ids.
    package var accounts: [String]
    package var requests: Int

    package init(id: String, severity: String, score: Double, accounts: [String], requests: Int) {
        self.id = id; self.severity = severity; self.score = score; self.accounts = accounts.sorted(); self.requests = requests
    }

    package init(_ c: Campaign) { self.init(id: c.id, severity: c.severity.rawValue, score: c.score, accounts: c.accounts, requests: c.requests) }
}

/// A saved `analyze --format json` report, read back for `--baseline`, `diff` and `show`.
// SAFETY: @unchecked Sendable: the `Any` values are JSONSerialization's (strings, numbers, arrays, dictionaries), never mutated after `parse`, so copies share nothing mutable.
package struct ReportFile: @unchecked Sendable {
    package static let schemaVersion = 1

    package var path: String
    package var sha256: String
    /// The whole document (JSONSerialization objects).
    package var root: [String: Any]
    package var campaigns: [[String: Any]]
    package var digests: [CampaignDigest]

    /// Reads and checks a report (or the latest run's report of a case database); every problem is a `CaseError` naming the file.
    package static func load(_ path: String) throws -> ReportFile {
        if CaseDatabase.looksLikeDatabase(path) { return try CaseDatabase(path: path, readOnly: true).latestReport() }
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDir), !isDir.boolValue else {
            throw CaseError("\(path): no such report file")
        }
        guard let data = FileManager.default.contents(atPath: path) else { throw CaseError("\(path): cannot read the report file") }
        return try parse(data, path: path)
    }

    package static func parse(_ data: Data, path: String) throws -> ReportFile {
        guard let any = try? JSONSerialization.jsonObject(with: data), let root = any as? [String: Any] else {
            throw CaseError("\(path): not a distillscan JSON report (write one with `analyze --format json -o FILE`)")
        }
        guard let v = root["schema_version"] as? Int else {
            throw CaseError("\(path): not a distillscan JSON report (no schema_version)")
        }
        guard v == schemaVersion else {
            throw CaseError("\(path): report schema_version \(v); this distillscan reads schema_version \(schemaVersion)")
        }
        guard let campaigns = root["campaigns"] as? [[String: Any]] else { throw CaseError("\(path): the report has no campaigns list") }
        var digests: [CampaignDigest] = []
        for (i, c) in campaigns.enumerated() {
            guard let id = c["id"] as? String, let accounts = c["accounts"] as? [String], let severity = c["severity"] as? String,
                let score = (c["score"] as? NSNumber)?.doubleValue
            else {
                throw CaseError("\(path): campaign \(i + 1) lacks id, severity, score or accounts")
            }
            digests.append(CampaignDigest(id: id, severity: severity, score: score, accounts: accounts, requests: (c["requests"] as? Int) ?? 0))
        }
        return ReportFile(path: path, sha256: SHA256Hex.of(data), root: root, campaigns: campaigns, digests: digests)
    }

    /// The campaign with this id, or a `CaseError` that lists the ids there are.
    package func campaign(_ id: String) throws -> [String: Any] {
        if let c = campaigns.first(where: { ($0["id"] as? String) == id }) { return c }
        let known = digests.prefix(12).map(\.id).joined(separator: ", ")
        throw CaseError("\(path): no campaign \(id)" + (known.isEmpty ? " (the report has no campaigns)" : "; campaigns: \(known)\(digests.count > 12 ? ", …" : "")"))
    }
}
