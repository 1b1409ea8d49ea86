import DistillTestSupport
import Foundation
import Testing

/// Issue 19: 1,025 records with `output_tokens` 9e15 overflowed a per-account sum and
/// crashed the run (exit 132); `--max-line-bytes` above what the parser addresses.
@Suite("hostile numbers never trap", .serialized)
struct HostileNumbersTests {
    @Test func hugeTokenCountsOnOneAccountDoNotCrashTheRun() throws {
        let dir = TempDir()
        let lines = (0..<1025).map { #"{"ts":\#(1780495333 + $0),"account_id":"a","output_tokens":9e15,"messages":[{"role":"user","content":"q\#($0)"}]}"# }
        let p = dir.write("huge.jsonl", lines.joined(separator: "\n") + "\n")
        let (code, out, err) = try Fixture.run(["analyze", p, "--format", "json", "--quiet"])
        #expect(code == 0, "stderr: \(err.suffix(300))")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(out.utf8)) as? [String: Any])
        #expect((json["input"] as? [String: Any])?["records"] as? Int == 1025)
    }

    @Test func maxLineBytesAboveWhatTheParserAddressesIsAUsageError() throws {
        let (code, _, err) = try Fixture.run(["inspect", "Fixtures/demo/logs", "--max-line-bytes", "3000000000"])
        #expect(code == 2)
        #expect(err.contains("--max-line-bytes") && err.contains("2147483647"))
    }
}
