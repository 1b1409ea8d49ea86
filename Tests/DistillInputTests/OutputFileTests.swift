import DistillTestSupport
import Foundation
import Testing

@testable import DistillInput

/// Issue 19: `-o` wrote a temporary file and renamed it over the target, replacing
/// `/dev/null` (run as root), symlinks and device nodes, and changing permissions.
@Suite("-o never damages what it writes to", .serialized)
struct OutputFileTests {
    func lstatOf(_ p: String) -> stat { var st = stat(); _ = lstat(p, &st); return st }

    @Test func deviceNodeIsWrittenThroughNotReplaced() throws {
        let dir = TempDir()
        let node = dir.path + "/null"
        // Our own node (the null device's numbers) in a scratch directory, never /dev itself.
        try #require(mknod(node, S_IFCHR | 0o666, dev_t((1 << 8) | 3)) == 0, "mknod needs root")
        let before = lstatOf(node)
        try OutputFile.write(Array("report\n".utf8), to: node)
        let after = lstatOf(node)
        #expect(after.st_mode & S_IFMT == S_IFCHR)
        #expect(after.st_ino == before.st_ino && after.st_rdev == before.st_rdev)
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["null"])
    }

    @Test func fifoIsWrittenThrough() throws {
        let dir = TempDir()
        let fifo = dir.path + "/pipe"
        try #require(mkfifo(fifo, 0o600) == 0)
        let reader = open(fifo, O_RDONLY | O_NONBLOCK)
        try #require(reader >= 0)
        defer { close(reader) }
        try OutputFile.write(Array("through\n".utf8), to: fifo)
        var buf = [UInt8](repeating: 0, count: 64)
        let n = read(reader, &buf, 64)
        #expect(n == 8 && String(decoding: buf[0..<8], as: UTF8.self) == "through\n")
        #expect(lstatOf(fifo).st_mode & S_IFMT == S_IFIFO)
    }

    @Test func symlinkStaysALinkAndItsTargetGetsTheReport() throws {
        let dir = TempDir()
        let target = dir.write("target.md", "old\n")
        chmod(target, 0o640)
        let link = dir.path + "/link.md"
        try #require(symlink("target.md", link) == 0)
        try OutputFile.write(Array("new\n".utf8), to: link)
        #expect(lstatOf(link).st_mode & S_IFMT == S_IFLNK)
        #expect(String(decoding: FileManager.default.contents(atPath: target) ?? Data(), as: UTF8.self) == "new\n")
        #expect(lstatOf(target).st_mode & 0o7777 == 0o640)
        // A dangling link is written through too: its target is created, the link kept.
        let dangling = dir.path + "/dangling.md"
        try #require(symlink("made.md", dangling) == 0)
        try OutputFile.write(Array("x\n".utf8), to: dangling)
        #expect(lstatOf(dangling).st_mode & S_IFMT == S_IFLNK)
        #expect(FileManager.default.contents(atPath: dir.path + "/made.md") == Data("x\n".utf8))
    }

    @Test func regularFileIsReplacedAndKeepsMode0600() throws {
        let dir = TempDir()
        let p = dir.write("secret.md", "old\n")
        chmod(p, 0o600)
        try OutputFile.write(Array("new report\n".utf8), to: p)
        #expect(lstatOf(p).st_mode & 0o7777 == 0o600)
        #expect(FileManager.default.contents(atPath: p) == Data("new report\n".utf8))
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["secret.md"])
    }

    @Test func directoryAndFullDeviceAreErrorsNamingTheDestination() throws {
        let dir = TempDir()
        #expect(throws: OutputError.self) { try OutputFile.write([1], to: dir.path) }
        // Our own node with the numbers of /dev/full (every write fails with ENOSPC).
        let full = dir.path + "/full"
        try #require(mknod(full, S_IFCHR | 0o666, dev_t((1 << 8) | 7)) == 0, "mknod needs root")
        #expect(throws: OutputError(destination: full, reason: "No space left on device")) {
            try OutputFile.write([1], to: full)
        }
        #expect(lstatOf(full).st_mode & S_IFMT == S_IFCHR)
    }
}
