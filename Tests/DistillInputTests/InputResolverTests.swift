import DistillTestSupport
import Testing

@testable import DistillInput

@Suite("input operands")
struct InputResolverTests {
    @Test func directoriesAreWalkedRecursivelyAndSorted() throws {
        let dir = TempDir()
        dir.write("b/2.jsonl.gz", "")
        dir.write("a.jsonl", "")
        dir.write("b/c/3.ndjson", "")
        dir.write("notes.txt", "")
        let got = try InputResolver.resolve([dir.path])
        #expect(got == [.file(dir.path + "/a.jsonl"), .file(dir.path + "/b/2.jsonl.gz"), .file(dir.path + "/b/c/3.ndjson")])
    }

    @Test func globsAndStdinAndDuplicates() throws {
        let dir = TempDir()
        let a = dir.write("x1.jsonl", "")
        dir.write("x2.jsonl", "")
        let got = try InputResolver.resolve([dir.path + "/x*.jsonl", a, "-"])
        #expect(got.count == 3)
        #expect(got.last == .stdin)
    }

    @Test func missingPathIsAnError() {
        #expect(throws: InputError.self) { try InputResolver.resolve(["/no/such/file.jsonl"]) }
    }
}
