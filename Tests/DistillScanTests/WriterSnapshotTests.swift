import Foundation
import Testing

/// One golden file per writer (Markdown and JSON are in CLITests): a change to any
/// rendering shows in review as a diff of what an investigator or a script would see.
@Suite("writer snapshots", .serialized)
struct WriterSnapshotTests {
    @Test(arguments: [("ndjson", "litellm.ndjson"), ("csv", "litellm.csv"), ("dot", "litellm.dot")])
    func everyWriterMatchesItsGolden(_ format: String, _ golden: String) throws {
        let (code, out, _) = try Fixture.run([
            "analyze", "Fixtures/litellm/logs", "--accounts", "Fixtures/litellm/accounts.jsonl",
            "--format", format, "--quiet", "--threads", "2",
        ])
        #expect(code == 0)
        #expect(out.count > 200)
        let path = Fixture.path("Tests/DistillScanTests/Golden/" + golden)
        if CLITests.recording {
            #expect(FileManager.default.createFile(atPath: path, contents: Data(out.utf8)))
            return
        }
        let expected = try #require(FileManager.default.contents(atPath: path), "missing golden \(golden); run DISTILLSCAN_RECORD=1 make test")
        #expect(String(decoding: expected, as: UTF8.self) == out, "\(golden) differs; if intended, re-record with DISTILLSCAN_RECORD=1 make test")
    }
}
