import DistillTestSupport
import Foundation
import Testing

@testable import DistillCase

/// `analyze --db`: runs appended to a SQLite case database that the documented queries
/// answer; concurrent writers; migration from the previous schema; bad databases.
@Suite("case database", .serialized)
struct CaseDatabaseCLITests {
    let week = CaseWeek.shared

    /// The `sql` blocks of docs/case-db.md, in order.
    static func documentedQueries() throws -> [String] {
        let doc = try String(contentsOfFile: Fixture.path("docs/case-db.md"), encoding: .utf8)
        return doc.components(separatedBy: "```sql\n").dropFirst().map { String($0.components(separatedBy: "```")[0]) }
    }

    @Test func threeRunsAnswerTheDocumentedQueries() throws {
        let t = TempDir()
        let db = t.path + "/case.sqlite"
        var reports: [[String: Any]] = []
        for (n, days) in [3, 5, 7].enumerated() {
            let out = t.path + "/run\(n).json"
            var args = ["analyze"] + week.days.prefix(days) + ["--accounts", week.accounts, "--db", db, "--format", "json", "-o", out, "--quiet"]
            if n > 0 { args += ["--baseline", t.path + "/run\(n - 1).json"] }
            let (code, _, err) = try Fixture.run(args)
            #expect(code == 0, "\(err)")
            reports.append(try CaseWeek.json(out))
        }
        let queries = try Self.documentedQueries()
        #expect(queries.count == 3)
        let store = try CaseDatabase(path: db, readOnly: true)
        #expect(try store.version() == CaseDatabase.schemaVersion)
        #expect(try store.query("SELECT count(*) FROM runs").rows == [["3"]])
        let runs = reports.map { CaseWeek.campaigns($0) }

        // 1. Grew over the last three runs: accounts in the last run that has it > in the first.
        var expectedGrown: [[String]] = []
        let ids = Set(runs.flatMap { $0.map { $0["id"] as! String } })
        for id in ids.sorted() {
            let sizes = runs.compactMap { $0.first { $0["id"] as! String == id }.map { ($0["accounts"] as! [String]).count } }
            if sizes.last! > sizes.first! { expectedGrown.append([id, String(sizes.first!), String(sizes.last!), String(sizes.count)]) }
        }
        let grown = try store.query(queries[0])
        #expect(grown.columns == ["campaign_id", "first_accounts", "last_accounts", "runs"])
        #expect(grown.rows == expectedGrown)
        #expect(!grown.rows.isEmpty, "the synthetic week has campaigns that grow")

        // 2. Accounts in two or more campaigns (over all runs).
        var campaignsOf: [String: Set<String>] = [:]
        for r in runs { for c in r { for a in c["accounts"] as! [String] { campaignsOf[a, default: []].insert(c["id"] as! String) } } }
        let expectedShared = campaignsOf.filter { $0.value.count >= 2 }.keys.sorted()
        #expect(try store.query(queries[1]).rows.map { $0[0] } == expectedShared)

        // 3. Every run an account appeared in: a member of the last run's first campaign.
        let account = (runs[2][0]["accounts"] as! [String])[0]
        let expectedRuns = runs.enumerated().compactMap { i, r in r.first { ($0["accounts"] as! [String]).contains(account) }.map { ["\(i + 1)", $0["id"] as! String] } }
        let rows = try store.query(queries[2].replacingOccurrences(of: ":account", with: "'\(account)'")).rows
        #expect(rows.map { [$0[0], $0[2]] } == expectedRuns)

        // The stored figures agree with the reports; `show` reads the database.
        let c = runs[2][0]
        let id = c["id"] as! String
        #expect(try store.query("SELECT count(*) FROM members WHERE run_id = 3 AND campaign_id = '\(id)'").rows == [[String((c["accounts"] as! [String]).count)]])
        #expect(try store.query("SELECT count(*) FROM inputs WHERE run_id = 3 AND length(sha256) = 64").rows == [["7"]])
        #expect(try store.query("SELECT count(*) FROM evidence WHERE run_id = 3").rows[0][0] != "0")
        #expect(try store.query("SELECT count(*) FROM campaigns WHERE run_id = 3 AND status IS NOT NULL").rows == [[String(runs[2].count)]])
        let (code, md, _) = try Fixture.run(["show", db, id])
        #expect(code == 0 && md.hasPrefix("# Campaign \(id)") && md.contains("run 3 recorded"))

        // The database stands in for a report: as a baseline (its latest run) and for extract.
        let (code2, json, err2) = try Fixture.run(["analyze", week.logs, "--accounts", week.accounts, "--baseline", db, "--format", "json", "--quiet"])
        #expect(code2 == 0, "\(err2)")
        let baseline = (try JSONSerialization.jsonObject(with: Data(json.utf8)) as! [String: Any])["baseline"] as! [String: Any]
        #expect(((baseline["prior_report"] as! [String: Any])["path"] as! String).hasSuffix("case.sqlite run 3"))
        #expect((baseline["counts"] as! [String: Int])["unchanged"] == runs[2].count)
        let out = t.path + "/e.jsonl.gz"
        let (code3, _, err3) = try Fixture.run(["extract", week.logs, "--campaign", id, "--report", db, "-o", out])
        #expect(code3 == 0, "\(err3)")
        let manifest = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: out + ".manifest.json"))) as! [String: Any]
        #expect((manifest["lines"] as! [Any]).count == c["requests"] as! Int)
    }

    @Test func twoConcurrentWritersBothLand() throws {
        let t = TempDir()
        let db = t.path + "/case.sqlite"
        let args = ["analyze", "Fixtures/demo/logs", "--accounts", "Fixtures/demo/accounts.jsonl", "--db", db, "--format", "json", "--quiet"]
        var procs: [Process] = []
        for _ in 0..<2 {
            let p = Process()
            p.executableURL = URL(fileURLWithPath: Fixture.binary)
            p.arguments = args
            p.currentDirectoryURL = URL(fileURLWithPath: Fixture.root)
            p.standardOutput = FileHandle.nullDevice
            try p.run()
            procs.append(p)
        }
        for p in procs { p.waitUntilExit(); #expect(p.terminationStatus == 0) }
        let store = try CaseDatabase(path: db, readOnly: true)
        #expect(try store.query("SELECT count(*) FROM runs").rows == [["2"]])
        let perRun = try store.query("SELECT run_id, count(*) FROM campaigns GROUP BY run_id ORDER BY run_id").rows
        #expect(perRun.count == 2 && perRun[0][1] == perRun[1][1] && perRun[0][1] != "0")
        #expect(try store.query("PRAGMA journal_mode").rows == [["wal"]])
    }

    @Test func aDatabaseOfThePreviousSchemaIsMigrated() throws {
        let t = TempDir()
        let db = t.path + "/old.sqlite"
        do {
            let old = try CaseDatabase(path: db, upTo: 1)
            #expect(try old.version() == 1)
            _ = try old.query(
                """
                INSERT INTO runs (recorded_at, tool_version, command_line, lines, records, malformed, skipped, complete, accounts, suspicious_accounts, report_json)
                VALUES ('2026-11-24T00:00:00Z', '0.9', '[]', 10, 10, 0, 0, 1, 3, 1, '{"schema_version":1,"campaigns":[]}')
                """)
            _ = try old.query("INSERT INTO campaigns VALUES (1, 'C-old', 'high', 80, 3, 10, '2026-11-20T00:00:00Z', '2026-11-21T00:00:00Z')")
        }
        let (code, _, err) = try Fixture.run(["analyze", "Fixtures/demo/logs", "--accounts", "Fixtures/demo/accounts.jsonl", "--db", db, "--quiet"])
        #expect(code == 0, "\(err)")
        let store = try CaseDatabase(path: db, readOnly: true)
        #expect(try store.version() == 2)
        #expect(try store.query("SELECT campaign_id, status FROM campaigns WHERE run_id = 1").rows == [["C-old", "NULL"]])
        #expect(try store.query("SELECT count(*) FROM runs").rows == [["2"]])
        #expect(try store.query("SELECT count(*) > 0 FROM signals WHERE run_id = 2").rows == [["1"]])
    }

    @Test func badDatabasesAndPathsGetOneMessageAndExitTwo() throws {
        let t = TempDir()
        let corrupt = t.write("corrupt.sqlite", Array("SQLite format 3\0".utf8) + [UInt8](repeating: 0xA5, count: 4096))
        let foreign = t.path + "/foreign.sqlite"
        _ = try SQLite(path: foreign, readOnly: false).exec("CREATE TABLE notes (x TEXT)")
        let newer = t.path + "/newer.sqlite"
        _ = try SQLite(path: newer, readOnly: false).exec("PRAGMA user_version = 99")
        let analyze = ["analyze", "Fixtures/demo/logs", "--quiet", "--db"]
        for (args, needle) in [
            (analyze + [corrupt], "not a case database or damaged"),
            (["show", corrupt, "C-1"], "not a case database or damaged"),
            (analyze + [foreign], "not a distillscan case database"),
            (analyze + [newer], "schema version 99 is newer"),
            (analyze + ["/proc/no-such-dir/case.sqlite"], "cannot open the case database"),
            (["show", t.path + "/missing.sqlite", "C-1"], "no such case database"),
        ] {
            let (code, out, err) = try Fixture.run(args)
            #expect(code == 2, "\(args)")
            #expect(err.contains(needle), "\(args): \(err)")
            #expect(err.split(separator: "\n").count == 1, "one message: \(err)")
            #expect(out.isEmpty)
        }
    }

    /// A directory the user cannot write (tests run as root: drop to nobody with setpriv).
    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv") && getuid() == 0))
    func aReadOnlyDirectoryIsRefused() throws {
        let t = TempDir()
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: t.path)
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/setpriv")
        p.arguments = ["--reuid=65534", "--regid=65534", "--clear-groups", Fixture.binary, "analyze", Fixture.path("Fixtures/demo/logs"), "--quiet", "--db", t.path + "/case.sqlite"]
        let err = Pipe()
        p.standardError = err
        p.standardOutput = FileHandle.nullDevice
        try p.run()
        let e = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        #expect(p.terminationStatus == 2)
        #expect(e.contains("case.sqlite") && e.contains("writable"), "\(e)")
    }
}
