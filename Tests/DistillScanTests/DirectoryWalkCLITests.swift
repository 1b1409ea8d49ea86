import DistillTestSupport
import Foundation
import Testing

/// Issue 19, the directory walk end to end: an unreadable subdirectory was skipped
/// silently (exit 0, complete: true); a FIFO without a writer blocked forever.
@Suite("directory walk on the command line", .serialized)
struct DirectoryWalkCLITests {
    @Test func unreadableSubdirectoryIsReportedWithExitThree() throws {
        let dir = TempDir()
        dir.write("a.jsonl", #"{"ts":1780495333,"account_id":"a"}"# + "\n")
        dir.write("locked/b.jsonl", #"{"ts":1780495333,"account_id":"b"}"# + "\n")
        chmod(dir.path + "/locked", 0)
        defer { chmod(dir.path + "/locked", 0o755) }
        // As root chmod 000 stops nothing: run as nobody.
        let (code, out, err) = try Fixture.runAsNobody(["inspect", dir.path, "--format", "json"])
        #expect(code == 3)
        #expect(err.contains(dir.path + "/locked") && err.contains("Permission denied"))
        let json = try #require(try JSONSerialization.jsonObject(with: Data(out.utf8)) as? [String: Any])
        let input = try #require(json["input"] as? [String: Any])
        #expect(input["complete"] as? Bool == false && input["records"] as? Int == 1)
    }

    @Test func fifoWithoutAWriterDoesNotBlockTheWalk() throws {
        let dir = TempDir()
        dir.write("a.jsonl", #"{"ts":1780495333,"account_id":"a"}"# + "\n")
        try #require(mkfifo(dir.path + "/waiting.jsonl", 0o600) == 0)
        let p = Process()
        p.executableURL = URL(fileURLWithPath: Fixture.binary)
        p.arguments = ["inspect", dir.path, "--format", "json"]
        let out = Pipe(), err = Pipe()
        p.standardOutput = out
        p.standardError = err
        try p.run()
        let deadline = Date().addingTimeInterval(30)
        while p.isRunning && Date() < deadline { usleep(50_000) }
        if p.isRunning { p.terminate(); Issue.record("inspect blocked on a FIFO"); return }
        let e = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(p.terminationStatus == 0)
        #expect(e.contains("waiting.jsonl: a FIFO, not a regular file; skipped"))
    }
}
