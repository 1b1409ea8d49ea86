import Foundation
import Testing

@testable import DistillCase

/// Several `analyze --db` runs that open one case database at the same moment.
@Suite("case database: writers opening at once")
struct CaseDatabaseConcurrencyTests {
    /// Regression: the switch to write-ahead logging takes its lock without SQLite's busy
    /// handler, so of two runs creating the database together one failed at once with
    /// "database is locked" (seen in CI under load).
    @Test func writersOpeningAFreshDatabaseTogetherAllGetTheSchema() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("distillscan-wal-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let writers = 4
        for round in 0..<25 {
            let path = "\(dir)/case\(round).sqlite"
            let failures = Failures()
            let start = DispatchSemaphore(value: 0)
            let group = DispatchGroup()
            for _ in 0..<writers {
                group.enter()
                Thread.detachNewThread {
                    start.wait()
                    do { _ = try CaseDatabase(path: path) } catch { failures.add("\(error)") }
                    group.leave()
                }
            }
            for _ in 0..<writers { start.signal() }
            group.wait()
            #expect(failures.all.isEmpty, "round \(round): \(failures.all)")
            let db = try CaseDatabase(path: path, readOnly: true)
            #expect(try db.version() == CaseDatabase.schemaVersion)
            #expect(try db.query("PRAGMA journal_mode").rows == [["wal"]])
        }
    }
}

/// Errors collected from several threads.
private final class Failures: @unchecked Sendable {
    private let lock = NSLock()
    private var list: [String] = []
    func add(_ s: String) { lock.withLock { list.append(s) } }
    var all: [String] { lock.withLock { list } }
}
