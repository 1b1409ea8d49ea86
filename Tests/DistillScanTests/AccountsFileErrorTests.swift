import DistillInput
import DistillTestSupport
import Foundation
import Testing

/// Issue 19: the accounts file's errors were ignored (a truncated gzip, a directory or
/// an unreadable file gave exit 0 and no message).
@Suite("accounts file errors are reported", .serialized)
struct AccountsFileErrorTests {
    let logs = "Fixtures/demo/logs"

    @Test func directoryIsAUsageError() throws {
        let dir = TempDir()
        let (code, _, err) = try Fixture.run(["analyze", logs, "--accounts", dir.path, "--quiet"])
        #expect(code == 2)
        #expect(err.contains("--accounts") && err.contains("is a directory"))
    }

    @Test func unreadableFileIsAUsageError() throws {
        let dir = TempDir()
        let p = dir.write("accounts.jsonl", #"{"account_id":"a"}"# + "\n")
        chmod(p, 0)
        // Tests run as root, which chmod 000 does not stop: run as nobody.
        let (code, _, err) = try Fixture.runAsNobody(["analyze", logs, "--accounts", p, "--quiet", "--format", "json"])
        #expect(code == 2)
        #expect(err.contains("--accounts") && err.contains("Permission denied"))
    }

    @Test func truncatedGzipMakesTheInputIncompleteWithExitThree() throws {
        let dir = TempDir()
        let plain = try #require(FileManager.default.contents(atPath: Fixture.path("Fixtures/demo/accounts.jsonl")))
        let gz = Gzip.compress([UInt8](plain))
        let p = dir.write("accounts.jsonl.gz", Array(gz[0..<(gz.count / 2)]))
        let (code, out, err) = try Fixture.run(["analyze", logs, "--accounts", p, "--quiet", "--format", "json", "--threads", "2"])
        #expect(code == 3)
        #expect(err.contains("accounts file") && err.contains(p) && err.contains("ends early"))
        let json = try #require(try JSONSerialization.jsonObject(with: Data(out.utf8)) as? [String: Any])
        #expect((json["input"] as? [String: Any])?["complete"] as? Bool == false)
    }
}

extension Fixture {
    /// Runs the CLI as uid/gid 65534 (`setpriv`): permission bits then apply.
    static func runAsNobody(_ args: [String]) throws -> (Int32, String, String) {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/setpriv")
        p.arguments = ["--reuid=65534", "--regid=65534", "--clear-groups", binary] + args
        p.currentDirectoryURL = URL(fileURLWithPath: root)
        let out = Pipe(), err = Pipe()
        p.standardOutput = out
        p.standardError = err
        p.standardInput = FileHandle.nullDevice
        try p.run()
        let o = out.fileHandleForReading.readDataToEndOfFile(), e = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return (p.terminationStatus, String(decoding: o, as: UTF8.self), String(decoding: e, as: UTF8.self))
    }
}
