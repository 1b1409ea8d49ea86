import CSQLite
import Foundation

/// The one owner of a SQLite connection in distillscan. Every call that can fail throws
/// a `CaseError` naming the database file and SQLite's own message; the connection is
/// closed when the owner goes away.
final class SQLite {
    let path: String
    // SAFETY: the connection handle is closed only in `deinit`, and every `Statement` holds `owner`, so it outlives them; the class is not `Sendable` (opened `NOMUTEX`: one thread at a time).
    private let db: OpaquePointer

    /// Opens (or, unless `readOnly`, creates) the database; waits up to `busyTimeoutMs`
    /// for another writer's lock.
    init(path: String, readOnly: Bool, busyTimeoutMs: Int32 = 30_000) throws {
        self.path = path
        var handle: OpaquePointer?
        let flags = readOnly ? SQLITE_OPEN_READONLY : (SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE)
        // SAFETY: `path` is passed as a NUL-terminated copy valid for the call; SQLite writes the handle into the local `handle`.
        let rc = sqlite3_open_v2(path, &handle, flags | SQLITE_OPEN_NOMUTEX, nil)
        guard rc == SQLITE_OK, let h = handle else {
            // SAFETY: SQLite's message strings are copied at once by `String(cString:)`, before the handle is closed.
            let msg = handle.map { String(cString: sqlite3_errmsg($0)) } ?? String(cString: sqlite3_errstr(rc))
            if let h = handle { sqlite3_close_v2(h) }
            throw CaseError("\(path): cannot open the case database (\(msg))" + (readOnly ? "" : "; check the directory exists and is writable"))
        }
        db = h
        sqlite3_busy_timeout(db, busyTimeoutMs)
        sqlite3_extended_result_codes(db, 1)
    }

    deinit { sqlite3_close_v2(db) }

    func error(_ rc: Int32, _ what: String) -> CaseError {
        // SAFETY: SQLite's message is copied at once, before another call on `db` can replace it.
        let msg = String(cString: sqlite3_errmsg(db))
        switch rc & 0xff {
        case SQLITE_NOTADB, SQLITE_CORRUPT:
            return CaseError("\(path): not a case database or damaged (\(msg))")
        case SQLITE_READONLY, SQLITE_CANTOPEN, SQLITE_PERM, SQLITE_IOERR:
            return CaseError("\(path): cannot write the case database (\(msg)); check the file and its directory are writable")
        case SQLITE_BUSY, SQLITE_LOCKED:
            return CaseError("\(path): the case database stayed locked by another writer (\(msg))")
        default:
            return CaseError("\(path): \(what) failed (\(msg))")
        }
    }

    /// Runs one or more statements without results.
    func exec(_ sql: String) throws {
        // SAFETY: `sql` is a NUL-terminated copy for the call; SQLite mallocs `err` (or leaves it nil), freed here with `sqlite3_free` and never read.
        var err: UnsafeMutablePointer<CChar>?
        let rc = sqlite3_exec(db, sql, nil, nil, &err)
        if let e = err { sqlite3_free(e) }
        guard rc == SQLITE_OK else { throw error(rc, "SQL") }
    }

    func prepare(_ sql: String) throws -> Statement {
        var stmt: OpaquePointer?
        // SAFETY: `sql` is a NUL-terminated copy valid for the call (`-1`: read up to the NUL); the statement handle goes to the local `stmt`.
        let rc = sqlite3_prepare_v2(db, sql, -1, &stmt, nil)
        guard rc == SQLITE_OK, let s = stmt else { throw error(rc, "preparing SQL") }
        return Statement(self, s)
    }

    /// Runs `body` in one `BEGIN IMMEDIATE` transaction: the write lock is taken up front,
    /// so two writers queue (busy timeout) instead of failing at their first write.
    func transaction<T>(_ body: () throws -> T) throws -> T {
        try exec("BEGIN IMMEDIATE")
        do {
            let value = try body()
            try exec("COMMIT")
            return value
        } catch {
            try? exec("ROLLBACK")
            throw error
        }
    }

    /// Switches the database to write-ahead logging, waiting up to `seconds` for other
    /// connections. The switch needs an exclusive lock that SQLite takes without calling the
    /// busy handler: two runs opening a fresh database at once got "database is locked" at
    /// once, whatever the busy timeout (seen in CI), so a busy answer is retried here.
    func useWriteAheadLog(waitingUpTo seconds: Double = 30) throws {
        let deadline = Date().addingTimeInterval(seconds)
        var pause = 0.002
        while true {
            let s = try prepare("PRAGMA journal_mode=WAL")
            let rc = sqlite3_step(s.stmt)
            if rc == SQLITE_ROW {
                let mode = s.text(0) ?? "none"
                if mode.lowercased() == "wal" { return }
                throw CaseError("\(path): cannot switch the case database to write-ahead logging (it stays in \(mode) mode); keep it on a local file system")
            }
            let busy = rc & 0xff == SQLITE_BUSY || rc & 0xff == SQLITE_LOCKED
            guard busy, Date() < deadline else { throw error(rc, "switching to write-ahead logging") }
            Thread.sleep(forTimeInterval: pause)
            pause = min(pause * 2, 0.1)
        }
    }

    var lastInsertRowID: Int64 { sqlite3_last_insert_rowid(db) }

    /// The first column of the first row of a query, as an integer.
    func scalar(_ sql: String) throws -> Int64? {
        let s = try prepare(sql)
        return try s.step() ? s.int(0) : nil
    }

    /// A prepared statement; finalized when it goes away.
    final class Statement {
        let owner: SQLite
        // SAFETY: finalized only in `deinit`; `owner` keeps the connection open until then.
        let stmt: OpaquePointer
        init(_ owner: SQLite, _ stmt: OpaquePointer) { self.owner = owner; self.stmt = stmt }
        deinit { sqlite3_finalize(stmt) }

        /// Binds parameters 1… in order (`nil` binds NULL).
        @discardableResult
        func bind(_ values: [SQLValue?]) throws -> Statement {
            sqlite3_reset(stmt)
            sqlite3_clear_bindings(stmt)
            for (i, v) in values.enumerated() {
                let n = Int32(i + 1)
                let rc: Int32
                switch v {
                case nil: rc = sqlite3_bind_null(stmt, n)
                case .int(let x)?: rc = sqlite3_bind_int64(stmt, n, x)
                case .double(let x)?: rc = sqlite3_bind_double(stmt, n, x)
                // SAFETY: `s` is passed as a temporary NUL-terminated copy, and SQLITE_TRANSIENT makes SQLite copy it before the call returns.
                case .text(let s)?: rc = sqlite3_bind_text(stmt, n, s, -1, distill_sqlite_transient())
                }
                guard rc == SQLITE_OK else { throw owner.error(rc, "binding") }
            }
            return self
        }

        /// Runs a statement without rows.
        func run(_ values: [SQLValue?] = []) throws {
            try bind(values)
            while try step() {}
        }

        /// Advances; true while there is a row.
        func step() throws -> Bool {
            let rc = sqlite3_step(stmt)
            if rc == SQLITE_ROW { return true }
            if rc == SQLITE_DONE { return false }
            throw owner.error(rc, "query")
        }

        func int(_ i: Int32) -> Int64 { sqlite3_column_int64(stmt, i) }
        func double(_ i: Int32) -> Double { sqlite3_column_double(stmt, i) }
        func text(_ i: Int32) -> String? {
            // SAFETY: the column text is valid until the next step/reset/finalize of `stmt` and is copied at once by `String(cString:)`.
            guard sqlite3_column_type(stmt, i) != SQLITE_NULL, let p = sqlite3_column_text(stmt, i) else { return nil }
            return String(cString: p)
        }
        var columnCount: Int32 { sqlite3_column_count(stmt) }
        // SAFETY: the column name belongs to `stmt`, valid until it is finalized, and is copied at once.
        func name(_ i: Int32) -> String { String(cString: sqlite3_column_name(stmt, i)) }
        /// Any column as text (for printing query results).
        func display(_ i: Int32) -> String {
            switch sqlite3_column_type(stmt, i) {
            case SQLITE_NULL: return "NULL"
            case SQLITE_INTEGER: return String(int(i))
            case SQLITE_FLOAT: return String(double(i))
            default: return text(i) ?? ""
            }
        }
    }
}

/// A value bound to a statement parameter.
enum SQLValue {
    case int(Int64), double(Double), text(String)
    static func i(_ x: Int) -> SQLValue { .int(Int64(x)) }
    static func t(_ s: String?) -> SQLValue? { s.map { .text($0) } }
}
