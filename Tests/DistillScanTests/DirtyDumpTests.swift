import DistillDecode
import DistillInput
import DistillReport
import DistillTestSupport
import Testing

@testable import DistillScan

@Suite("dirty dumps end to end")
struct DirtyDumpTests {
    let good = #"{"ts":"2026-06-03T14:02:11Z","account_id":"a1","model":"m","messages":[{"role":"user","content":"hi"}]}"#

    func inspect(_ dir: TempDir, threads: Int = 2, maxLine: Int? = nil) throws -> InspectReport {
        var config = try InputConfiguration.validate(paths: [dir.path], inputFormat: nil, schemaFile: nil, threads: threads, since: nil, until: nil, maxLineBytes: maxLine, maxDepth: nil)
        config.threads = threads
        return Inspection.run(config)
    }

    @Test func everyLineIsAccountedForWithTheRightKinds() throws {
        let dir = TempDir()
        var bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array((good + "\r\n").utf8)  // BOM + CRLF
        bytes += Array("\n   \n".utf8)  // 2 blank
        bytes += Array(#"{"ts":1780495333,"account_id":"a2","p":"bad "#.utf8) + [0xFF, 0xFE] + Array("\"}\n".utf8)  // invalid UTF-8
        bytes += Array("{\"ts\":1780495333,\"account_id\":\"a3\"}".utf8) + [0] + Array("\n".utf8)  // NUL
        bytes += Array("{\"ts\":1e999,\"account_id\":\"a4\"}\n".utf8)  // bad timestamp
        bytes += Array("not json\n".utf8)
        bytes += Array(good.utf8)  // no final newline
        dir.write("dirty.jsonl", bytes)
        let r = try inspect(dir)
        let t = r.input.tally
        #expect(t.lines == 8)
        #expect(t.records == 2)
        #expect(t.skipped[.blank] == 2)
        #expect(t.malformed == [.invalidUTF8: 1, .nulByte: 1, .badTimestamp: 1, .invalidJSON: 1])
        #expect(t.lines == t.records + t.malformedTotal + t.skippedTotal)
        #expect(t.malformedExamples[.invalidJSON]?.first == LineLocation(file: dir.path + "/dirty.jsonl", line: 7))
    }

    @Test func aTwentyMegabyteLineIsRejectedAndTheRunGoesOn() throws {
        let dir = TempDir()
        let huge = #"{"ts":1780495333,"account_id":"big","messages":[{"role":"user","content":""# + String(repeating: "x", count: 20 << 20) + "\"}]}"
        dir.write("huge.jsonl", good + "\n" + huge + "\n" + good + "\n")
        let r = try inspect(dir)
        #expect(r.input.tally.malformed[.lineTooLong] == 1)
        #expect(r.input.tally.records == 2)
        #expect(r.input.tally.malformedExamples[.lineTooLong]?.first?.line == 2)
    }

    @Test func aTwentyMegabyteLineIsReadWhenTheBoundAllowsIt() throws {
        let dir = TempDir()
        let huge = #"{"ts":1780495333,"account_id":"big","messages":[{"role":"user","content":""# + String(repeating: "x", count: 20 << 20) + "\"}]}"
        dir.write("huge.jsonl", huge + "\n")
        let r = try inspect(dir, maxLine: 32 << 20)
        #expect(r.input.tally.records == 1)
    }

    @Test func truncatedGzipKeepsEarlierRecordsAndMarksTheRunIncomplete() throws {
        let dir = TempDir()
        let body = (0..<3000).map { _ in good }.joined(separator: "\n") + "\n"
        let gz = Gzip.compress(Array(body.utf8))
        dir.write("a.jsonl.gz", Array(gz[0..<(gz.count * 2 / 3)]))
        dir.write("b.jsonl", good + "\n")
        let r = try inspect(dir)
        #expect(!r.input.complete)
        let a = try #require(r.input.files.first { $0.path.hasSuffix("a.jsonl.gz") })
        #expect(a.error?.contains("truncated") == true)
        #expect(a.tally.records > 0 && a.tally.records < 3000)
        #expect(r.input.files.first { $0.path.hasSuffix("b.jsonl") }?.tally.records == 1)
        let t = r.input.tally
        #expect(t.lines == t.records + t.malformedTotal + t.skippedTotal)
    }

    @Test func emptyFilesAndGarbageNamedGz() throws {
        let dir = TempDir()
        dir.write("empty.jsonl", "")
        dir.write("garbage.jsonl.gz", [0x00, 0x01, 0x02, 0x0A, 0xFF, 0x0A])
        let r = try inspect(dir)
        #expect(r.input.tally.lines == 2)
        #expect(r.input.tally.records == 0)
        #expect(r.input.complete)
    }

    @Test func outputDoesNotDependOnThreadsOrOperandOrder() throws {
        let dir = TempDir()
        for d in 0..<5 {
            let lines = (0..<200).map { i in #"{"ts":\#(1780495333 + d * 86400 + i),"account_id":"acct\#(i % 17)","model":"m\#(d % 2)"}"# }
            dir.write("day\(d).jsonl.gz", Gzip.compress(Array((lines.joined(separator: "\n") + "\n").utf8)))
        }
        let one = try inspect(dir, threads: 1).json().render()
        let four = try inspect(dir, threads: 4).json().render()
        #expect(one == four)
        var config = try InputConfiguration.validate(
            paths: [dir.path + "/day3.jsonl.gz", dir.path + "/day0.jsonl.gz", dir.path + "/day[124].jsonl.gz"], inputFormat: nil, schemaFile: nil, threads: 3, since: nil, until: nil,
            maxLineBytes: nil, maxDepth: nil)
        config.threads = 3
        #expect(Inspection.run(config).json().render() == one)
    }
}
