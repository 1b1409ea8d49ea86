import DistillTestSupport
import Foundation

/// A small synthetic week (7 daily files, ~300 benign accounts and 8 campaigns) and the
/// reports of its first five days and of the whole week, made once for the case tests.
final class CaseWeek: @unchecked Sendable {
    static let shared = CaseWeek()
    let dir = TempDir()
    var logs: String { dir.path + "/syn/logs" }
    var accounts: String { dir.path + "/syn/accounts.jsonl" }
    var days: [String] { ((try? FileManager.default.contentsOfDirectory(atPath: logs)) ?? []).sorted().map { logs + "/" + $0 } }
    var fiveDays: String { dir.path + "/days1-5.json" }
    var week: String { dir.path + "/days1-7.json" }

    private init() {
        _ = try? Fixture.run(["synth", dir.path + "/syn", "--seed", "7", "--accounts", "300", "--days", "7"])
        _ = try? Fixture.run(["analyze"] + days.prefix(5) + ["--accounts", accounts, "--format", "json", "-o", fiveDays, "--quiet"])
        _ = try? Fixture.run(["analyze", logs, "--accounts", accounts, "--format", "json", "-o", week, "--quiet"])
    }

    static func json(_ path: String) throws -> [String: Any] {
        try JSONSerialization.jsonObject(with: try Data(contentsOf: URL(fileURLWithPath: path))) as! [String: Any]
    }
    static func campaigns(_ report: [String: Any]) -> [[String: Any]] { report["campaigns"] as! [[String: Any]] }
}
