import Foundation
import Testing

@testable import DistillDecode
@testable import DistillScan

/// Issue 19: the hostile corpus in Fixtures/hostile (written by scripts/hostile-corpus.py
/// with the fate of every line) is accounted for exactly, and every report of it is safe.
@Suite("hostile corpus", .serialized)
struct HostileCorpusTests {
    struct Expected: Decodable {
        struct File: Decodable {
            var lines: Int
            var records: Int
            var malformed: [String: Int]
            var skipped: [String: Int]
            var error: String?
        }
        var complete: Bool
        var files: [String: File]
    }

    @Test(arguments: [1, 3])
    func everyLineIsAccountedForAsExpected(threads: Int) throws {
        let expected = try JSONDecoder().decode(Expected.self, from: try #require(FileManager.default.contents(atPath: Fixture.path("Fixtures/hostile/expected.json"))))
        let config = try InputConfiguration.validate(
            paths: [Fixture.path("Fixtures/hostile/logs")], inputFormat: nil, schemaFile: nil,
            threads: threads, since: nil, until: nil, maxLineBytes: nil, maxDepth: nil)
        let scans = ParallelScan.run(config.sources, threads: threads, options: config.decode) { CountingSink() }.files
        let summary = InputSummary(scans)
        #expect(Set(summary.files.map { ($0.path as NSString).lastPathComponent }) == Set(expected.files.keys))
        for f in summary.files {
            let name = (f.path as NSString).lastPathComponent
            let e = try #require(expected.files[name])
            let t = f.tally
            #expect(t.lines == t.records + t.malformedTotal + t.skippedTotal, "\(name)")
            #expect(t.lines == e.lines && t.records == e.records, "\(name): \(t.lines) lines, \(t.records) records")
            #expect(Dictionary(uniqueKeysWithValues: t.malformed.map { ($0.key.rawValue, $0.value) }) == e.malformed, "\(name)")
            #expect(Dictionary(uniqueKeysWithValues: t.skipped.map { ($0.key.rawValue, $0.value) }) == e.skipped, "\(name)")
            if let want = e.error { #expect(f.error?.contains(want) == true, "\(name): \(f.error ?? "no error")") } else { #expect(f.error == nil, "\(name)") }
        }
        #expect(summary.complete == expected.complete)
    }

    /// `inspect` lists the accounts: hostile ids are shown, inert.
    @Test func inspectShowsHostileAccountIdsInert() throws {
        let (code, out, _) = try Fixture.run(["inspect", "Fixtures/hostile/logs/lines.jsonl"])
        #expect(code == 0)
        #expect(out.contains("| 0 `www.evil.example` |") && out.contains("| `eve@evil.example` |"))
        #expect(out.contains("| \\- list item |") && out.contains("| 1\\. numbered |"))
        #expect(out.contains("&lt;script&gt;") && !out.contains("<script"))
        #expect(!out.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x202E })
    }

    @Test func everyReportOfItIsSafeAndSaysIncomplete() throws {
        let base = ["analyze", "Fixtures/hostile/logs", "--threads", "2"]
        for format in ["markdown", "json", "ndjson", "dot"] {
            for redact in [false, true] {
                let (code, out, err) = try Fixture.run(base + ["--format", format] + (redact ? ["--redact"] : []))
                #expect(code == 3, "\(format): \(err.suffix(300))")
                #expect(!out.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x202E }, "\(format)")
                #expect(!err.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" }, "\(format)")
                if format == "markdown" {
                    #expect(!out.contains("<script"))
                    #expect(!out.contains(" www.evil.example") && !out.contains(" eve@evil.example"))
                    #expect(out.contains("**NO"))
                }
                if format == "json" {
                    let json = try #require(try JSONSerialization.jsonObject(with: Data(out.utf8)) as? [String: Any])
                    #expect((json["input"] as? [String: Any])?["complete"] as? Bool == false)
                }
            }
        }
    }
}

/// A sink that only counts (the accounting is in the scans).
struct CountingSink: RecordSink {
    var records = 0
    mutating func consume(_ r: RequestRecord) { records += 1 }
    mutating func merge(_ o: CountingSink) { records += o.records }
}
