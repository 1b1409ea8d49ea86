import DistillTestSupport
import Foundation
import Testing

@testable import DistillInput

/// Issue 19, the directory walk: symlink loops read files many times (or hung), the
/// same file under two spellings was counted twice, a FIFO without a writer blocked.
@Suite("directory walk: each file once, loops end, FIFOs skipped")
struct DirectoryWalkTests {
    @Test func symlinkLoopsReadEachFileOnce() throws {
        let dir = TempDir()
        dir.write("a.jsonl", "{}\n")
        dir.write("sub/b.jsonl", "{}\n")
        try #require(symlink("..", dir.path + "/sub/up") == 0)
        try #require(symlink(".", dir.path + "/sub/self") == 0)
        try #require(symlink(dir.path + "/sub", dir.path + "/again") == 0)
        let got = try InputResolver.resolve([dir.path])
        #expect(got == [.file(dir.path + "/a.jsonl"), .file(dir.path + "/again/b.jsonl")])
    }

    @Test func theSameFileUnderTwoSpellingsIsReadOnceWhateverTheOperandOrder() throws {
        let dir = TempDir()
        let x = dir.write("x.jsonl", "{}\n")
        try #require(symlink("x.jsonl", dir.path + "/alias.jsonl") == 0)
        let spellings = [x, dir.path + "/./x.jsonl", dir.path + "//x.jsonl", dir.path + "/alias.jsonl"]
        let a = try InputResolver.resolve(spellings)
        let b = try InputResolver.resolve(spellings.reversed() + [dir.path])
        #expect(a.count == 1 && a == b)
    }

    @Test func fifoInAWalkIsSkippedWithANoteAndNeverOpened() throws {
        let dir = TempDir()
        dir.write("a.jsonl", "{}\n")
        try #require(mkfifo(dir.path + "/pipe.jsonl", 0o600) == 0)
        let got = try InputResolver.resolve([dir.path])
        #expect(got == [.file(dir.path + "/a.jsonl"), .skipped(dir.path + "/pipe.jsonl", kind: "a FIFO")])
        #expect(throws: InputError.notRegularFile(path: dir.path + "/pipe.jsonl", kind: "a FIFO")) { try InputOpener.open(got[1]) }
        #expect(InputError.notRegularFile(path: "p", kind: "a FIFO").losesData == false)
    }

    @Test func danglingSymlinkWithALogNameIsReportedUnreadable() throws {
        let dir = TempDir()
        try #require(symlink("gone.jsonl", dir.path + "/dangling.jsonl") == 0)
        let got = try InputResolver.resolve([dir.path])
        guard case .unreadable(let p, _)? = got.first else { Issue.record("got \(got)"); return }
        #expect(p == dir.path + "/dangling.jsonl")
    }
}
