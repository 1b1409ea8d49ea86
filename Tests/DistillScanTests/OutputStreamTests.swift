import Foundation
import Testing

/// Issue 19: writes to standard output trapped (`try!` in FileHandle.write, exit 132)
/// on `> /dev/full` or a closed pipe with SIGPIPE ignored.
@Suite("standard output failures are errors, not traps", .serialized)
struct OutputStreamTests {
    /// Runs the CLI under `sh` with stdout redirected by `redirect`, SIGPIPE ignored.
    func runShell(_ args: String, stdout redirect: String) throws -> (Int32, String) {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/bin/sh")
        p.arguments = ["-c", "trap '' PIPE; exec '\(Fixture.binary)' \(args) \(redirect)"]
        p.currentDirectoryURL = URL(fileURLWithPath: Fixture.root)
        let err = Pipe()
        p.standardError = err
        try p.run()
        let e = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return (p.terminationStatus, String(decoding: e, as: UTF8.self))
    }

    @Test(arguments: ["inspect Fixtures/demo/logs", "analyze Fixtures/demo/logs --quiet", "rules show", "rules lint"])
    func devFullGivesOneLineAndExitTwo(_ args: String) throws {
        let (code, err) = try runShell(args, stdout: "> /dev/full")
        #expect(code == 2)
        #expect(err.contains("cannot write standard output (No space left on device)"))
        #expect(!err.contains("Fatal error"))
    }

    @Test func closedPipeWithSigpipeIgnoredGivesOneLineAndExitTwo() throws {
        // A pipe whose read end is closed before the tool starts: every write fails with EPIPE.
        let pipe = Pipe()
        try pipe.fileHandleForReading.close()
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/bin/sh")
        p.arguments = ["-c", "trap '' PIPE; exec '\(Fixture.binary)' inspect Fixtures/demo/logs"]
        p.currentDirectoryURL = URL(fileURLWithPath: Fixture.root)
        p.standardOutput = pipe.fileHandleForWriting
        let err = Pipe()
        p.standardError = err
        try p.run()
        try pipe.fileHandleForWriting.close()
        let e = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        #expect(p.terminationStatus == 2)
        #expect(e.contains("cannot write standard output (Broken pipe)"))
    }
}
