import DistillDecode
import DistillReport
import DistillScan
import DistillScore
import DistillSupport
import Foundation

/// The investigator's case database (`analyze --db case.sqlite`): every run appended with
/// its manifest, inputs, parameters, campaigns, members, evidence edges, infrastructure,
/// prompt families and signals. Schema and example queries: docs/case-db.md.
///
/// The schema version is SQLite's `user_version`; opening a database of an older version
/// applies the missing forward migrations in one transaction. WAL journaling and
/// `BEGIN IMMEDIATE` transactions let several `analyze --db` runs write at once: each
/// waits for the other's lock and both runs land.
package final class CaseDatabase {
    /// Schema version written by this build (`PRAGMA user_version`).
    package static let schemaVersion = 2

    /// Forward migrations: `migrations[k]` takes a database from version k to k + 1.
    static let migrations: [String] = [
        // 0 → 1: runs, inputs, parameters, campaigns, members, evidence, infrastructure, families.
        """
        CREATE TABLE runs (
          run_id INTEGER PRIMARY KEY,
          recorded_at TEXT NOT NULL,
          tool_version TEXT NOT NULL,
          command_line TEXT NOT NULL,
          rule_pack_name TEXT, rule_pack_version TEXT, rule_pack_sha256 TEXT,
          accounts_file TEXT, accounts_file_sha256 TEXT,
          first_ts TEXT, last_ts TEXT,
          lines INTEGER NOT NULL, records INTEGER NOT NULL, malformed INTEGER NOT NULL, skipped INTEGER NOT NULL,
          complete INTEGER NOT NULL,
          accounts INTEGER NOT NULL, suspicious_accounts INTEGER NOT NULL,
          report_json TEXT NOT NULL
        );
        CREATE TABLE inputs (
          run_id INTEGER NOT NULL REFERENCES runs(run_id),
          path TEXT NOT NULL, sha256 TEXT, compression TEXT, size_bytes INTEGER, bytes INTEGER,
          lines INTEGER, records INTEGER, malformed INTEGER, skipped INTEGER, error TEXT
        );
        CREATE TABLE parameters (
          run_id INTEGER NOT NULL REFERENCES runs(run_id), name TEXT NOT NULL, value REAL NOT NULL,
          PRIMARY KEY (run_id, name)
        );
        CREATE TABLE campaigns (
          run_id INTEGER NOT NULL REFERENCES runs(run_id), campaign_id TEXT NOT NULL,
          severity TEXT NOT NULL, score REAL NOT NULL, accounts INTEGER NOT NULL, requests INTEGER NOT NULL,
          first_seen TEXT NOT NULL, last_seen TEXT NOT NULL,
          PRIMARY KEY (run_id, campaign_id)
        );
        CREATE TABLE members (
          run_id INTEGER NOT NULL REFERENCES runs(run_id), campaign_id TEXT NOT NULL, account_id TEXT NOT NULL,
          requests INTEGER NOT NULL, first_seen TEXT, last_seen TEXT,
          email_domain TEXT, payment_fingerprint TEXT, country TEXT, top_ip TEXT, top_client TEXT,
          suspicion REAL, extraction_share REAL, evidence TEXT, links INTEGER,
          PRIMARY KEY (run_id, account_id)
        );
        CREATE INDEX members_account ON members(account_id);
        CREATE TABLE evidence (
          run_id INTEGER NOT NULL REFERENCES runs(run_id), campaign_id TEXT NOT NULL,
          account_a TEXT NOT NULL, account_b TEXT NOT NULL, kind TEXT NOT NULL, weight REAL NOT NULL
        );
        CREATE INDEX evidence_run_campaign ON evidence(run_id, campaign_id);
        CREATE TABLE infrastructure (
          run_id INTEGER NOT NULL REFERENCES runs(run_id), campaign_id TEXT NOT NULL,
          kind TEXT NOT NULL, value TEXT NOT NULL, accounts INTEGER NOT NULL, requests INTEGER NOT NULL
        );
        CREATE TABLE families (
          run_id INTEGER NOT NULL REFERENCES runs(run_id), campaign_id TEXT NOT NULL,
          template TEXT NOT NULL, share REAL NOT NULL, accounts INTEGER NOT NULL, outside_accounts INTEGER NOT NULL
        );
        """,
        // 1 → 2: the change status against a baseline, and the signals behind each campaign.
        """
        ALTER TABLE campaigns ADD COLUMN status TEXT;
        ALTER TABLE campaigns ADD COLUMN prior_id TEXT;
        CREATE TABLE signals (
          run_id INTEGER NOT NULL REFERENCES runs(run_id), campaign_id TEXT NOT NULL,
          kind TEXT NOT NULL, strength REAL NOT NULL, evidence TEXT NOT NULL
        );
        """,
    ]

    let db: SQLite
    package var path: String { db.path }

    /// True for a file that starts like a SQLite database or is named like one.
    package static func looksLikeDatabase(_ path: String) -> Bool {
        let lower = path.lowercased()
        if lower.hasSuffix(".sqlite") || lower.hasSuffix(".sqlite3") || lower.hasSuffix(".db") { return true }
        guard let h = FileHandle(forReadingAtPath: path) else { return false }
        defer { try? h.close() }
        let head = (try? h.read(upToCount: 16)) ?? Data()
        return head == Data("SQLite format 3\0".utf8)
    }

    /// Opens a case database; for writing, creates it if needed and migrates it to the
    /// current schema. `upTo` stops migrations early (tests make old-version databases).
    package init(path: String, readOnly: Bool = false, upTo version: Int = CaseDatabase.schemaVersion) throws {
        if readOnly {
            var isDir: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDir), !isDir.boolValue else {
                throw CaseError("\(path): no such case database")
            }
        }
        db = try SQLite(path: path, readOnly: readOnly)
        let current = Int(try db.scalar("PRAGMA user_version") ?? 0)
        if current > Self.schemaVersion {
            throw CaseError("\(path): case database schema version \(current) is newer than this distillscan (\(Self.schemaVersion)); use a newer distillscan")
        }
        if readOnly {
            guard current >= 1 else { throw CaseError("\(path): not a distillscan case database (no schema)") }
            return
        }
        try db.useWriteAheadLog()
        try migrate(to: version)
    }

    /// The schema version of the open database.
    package func version() throws -> Int { Int(try db.scalar("PRAGMA user_version") ?? 0) }

    func migrate(to target: Int) throws {
        try db.transaction {
            // Read again under the write lock: another process may have migrated meanwhile.
            var v = Int(try db.scalar("PRAGMA user_version") ?? 0)
            if v == 0, try db.scalar("SELECT count(*) FROM sqlite_master") ?? 0 > 0 {
                throw CaseError("\(db.path): a SQLite database, but not a distillscan case database (it has other tables)")
            }
            while v < target {
                try db.exec(Self.migrations[v])
                v += 1
                try db.exec("PRAGMA user_version = \(v)")
            }
        }
    }

    /// Appends one run; returns its `run_id`. `comparison` (from `--baseline`) fills each
    /// campaign's `status` and `prior_id`.
    @discardableResult
    package func append(_ report: AnalysisReport, json: String, comparison: Comparison? = nil, recordedAt: Date = Date()) throws -> Int64 {
        let changes = Dictionary((comparison?.changes ?? []).map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        return try db.transaction { try insertRun(report, json: json, changes: changes, recordedAt: recordedAt) }
    }

    // Rows are built in small typed pieces: long heterogeneous literals strain the type checker.
    private func insertRun(_ report: AnalysisReport, json: String, changes: [String: CampaignChange], recordedAt: Date) throws -> Int64 {
        let m = report.manifest, t = report.input.tally
        let first = report.input.firstTimestamp.map(Timestamp.format), last = report.input.lastTimestamp.map(Timestamp.format)
        let commandLine = JSONValue.array(m.commandLine.map { JSONValue.string($0) }).render(pretty: false)
        var row: [SQLValue?] = [.text(ISO8601DateFormatter().string(from: recordedAt)), .text(m.toolVersion), .text(commandLine)]
        row += [.text(m.rulePackName), .text(m.rulePackVersion), .text(m.rulePackSHA256)] as [SQLValue?]
        row += [SQLValue.t(m.accountsFile), SQLValue.t(m.accountsFileSHA256), SQLValue.t(first), SQLValue.t(last)]
        row += [SQLValue.i(t.lines), .i(t.records), .i(t.malformedTotal), .i(t.skippedTotal), .i(report.input.complete ? 1 : 0)] as [SQLValue?]
        row += [SQLValue.i(report.accounts), .i(report.candidates), .text(json)] as [SQLValue?]
        try db.prepare(
            """
            INSERT INTO runs (recorded_at, tool_version, command_line, rule_pack_name, rule_pack_version, rule_pack_sha256,
              accounts_file, accounts_file_sha256, first_ts, last_ts, lines, records, malformed, skipped, complete,
              accounts, suspicious_accounts, report_json)
            VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)
            """
        ).run(row)
        let run = db.lastInsertRowID
        let input = try db.prepare("INSERT INTO inputs VALUES (?,?,?,?,?,?,?,?,?,?,?)")
        for f in report.input.files {
            var r: [SQLValue?] = [.int(run), .text(f.path), .t(f.sha256), .text(f.compression.rawValue)]
            r += [SQLValue.i(f.sizeBytes), .i(f.bytes), .i(f.tally.lines), .i(f.tally.records)] as [SQLValue?]
            r += [SQLValue.i(f.tally.malformedTotal), .i(f.tally.skippedTotal), .t(f.error)]
            try input.run(r)
        }
        let param = try db.prepare("INSERT OR REPLACE INTO parameters VALUES (?,?,?)")
        for (k, v) in m.parameters { try param.run([.int(run), .text(k), .double(v)]) }
        let campaign = try db.prepare("INSERT INTO campaigns (run_id, campaign_id, severity, score, accounts, requests, first_seen, last_seen, status, prior_id) VALUES (?,?,?,?,?,?,?,?,?,?)")
        let member = try db.prepare("INSERT INTO members VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)")
        let infra = try db.prepare("INSERT INTO infrastructure VALUES (?,?,?,?,?,?)")
        let family = try db.prepare("INSERT INTO families VALUES (?,?,?,?,?,?)")
        let signal = try db.prepare("INSERT INTO signals VALUES (?,?,?,?,?)")
        var campaignOf: [String: String] = [:]
        for c in report.campaigns {
            let ch = changes[c.id]
            var cr: [SQLValue?] = [.int(run), .text(c.id), .text(c.severity.rawValue), .double(c.score), .i(c.accounts.count), .i(c.requests)]
            cr += [SQLValue.text(Timestamp.format(c.firstSeen)), .text(Timestamp.format(c.lastSeen)), .t(ch?.status.rawValue), .t(ch?.priorID)] as [SQLValue?]
            try campaign.run(cr)
            for r in report.memberRows(c) {
                campaignOf[r.account] = c.id
                let seen: (String?, String?) = r.requests > 0 ? (Timestamp.format(r.firstSeen), Timestamp.format(r.lastSeen)) : (nil, nil)
                var mr: [SQLValue?] = [.int(run), .text(c.id), .text(r.account), .i(r.requests), .t(seen.0), .t(seen.1)]
                mr += [SQLValue.t(r.emailDomain), .t(r.payment), .t(r.country), .t(r.topIP), .t(r.topClient)]
                mr += [SQLValue.double(r.suspicion), .double(r.extractionShare), .text(r.evidence.joined(separator: ",")), .i(r.links)] as [SQLValue?]
                try member.run(mr)
            }
            for (kind, tallies) in [("ip", c.ips), ("subnet", c.subnets), ("client", c.clients), ("payment", c.payments), ("email_domain", c.emailDomains), ("model", c.models)] {
                for x in tallies { try infra.run([.int(run), .text(c.id), .text(kind), .text(x.value), .i(x.accounts), .i(x.requests)]) }
            }
            for f in c.families { try family.run([.int(run), .text(c.id), .text(f.template), .double(f.share), .i(f.accounts), .i(f.outsideAccounts)]) }
            for s in c.signals { try signal.run([.int(run), .text(c.id), .text(s.kind.rawValue), .double(s.strength), .text(s.fact.sentence)]) }
            for b in c.benign {
                let note = b.applied ? "applied, score × \(JSONValue.number(b.factor)): " : "considered, not applied: "
                try signal.run([.int(run), .text(c.id), .text("benign:" + b.kind.rawValue), .double(b.strength), .text(note + b.fact.sentence)])
            }
        }
        let edge = try db.prepare("INSERT INTO evidence VALUES (?,?,?,?,?,?)")
        for e in report.edges {
            guard let c = campaignOf[e.a], campaignOf[e.b] == c else { continue }
            for w in e.weights { try edge.run([.int(run), .text(c), .text(e.a), .text(e.b), .text(w.kind), .double(w.weight)]) }
        }
        return run
    }

    /// The campaign as `show` prints it, from the latest run that has it.
    package func campaignDocument(_ id: String) throws -> CampaignDocument {
        let q = try db.prepare("SELECT r.run_id, r.report_json, r.recorded_at FROM campaigns c JOIN runs r USING (run_id) WHERE c.campaign_id = ? ORDER BY r.run_id DESC LIMIT 1")
        try q.bind([.text(id)])
        guard try q.step() else {
            let known = try db.prepare("SELECT DISTINCT campaign_id FROM campaigns WHERE run_id = (SELECT max(run_id) FROM runs) ORDER BY campaign_id LIMIT 12")
            var ids: [String] = []
            while try known.step() { ids.append(known.text(0) ?? "") }
            throw CaseError("\(db.path): no campaign \(id) in any run" + (ids.isEmpty ? "" : "; the latest run has: " + ids.joined(separator: ", ")))
        }
        let run = q.int(0), json = q.text(1) ?? "", when = q.text(2) ?? ""
        let report = try ReportFile.parse(Data(json.utf8), path: "\(db.path) run \(run)")
        var doc = try CampaignDocument(report: report, id: id)
        doc.source = db.path
        doc.sourceNote = ", run \(run) recorded \(when.filter { $0.isNumber || "-:TZ".contains($0) })"
        return doc
    }

    /// The report of the latest run (`--baseline case.sqlite`, `diff case.sqlite NEW.json`).
    package func latestReport() throws -> ReportFile {
        let q = try db.prepare("SELECT run_id, report_json FROM runs ORDER BY run_id DESC LIMIT 1")
        guard try q.step() else { throw CaseError("\(db.path): the case database has no run yet") }
        var r = try ReportFile.parse(Data((q.text(1) ?? "").utf8), path: "\(db.path) run \(q.int(0))")
        r.path = "\(db.path) run \(q.int(0))"
        return r
    }

    /// Runs a read-only query and returns the column names and the rows as text (tests and docs).
    package func query(_ sql: String) throws -> (columns: [String], rows: [[String]]) {
        let s = try db.prepare(sql)
        let n = s.columnCount
        let columns = (0..<n).map { s.name($0) }
        var rows: [[String]] = []
        while try s.step() { rows.append((0..<n).map { s.display($0) }) }
        return (columns, rows)
    }
}
