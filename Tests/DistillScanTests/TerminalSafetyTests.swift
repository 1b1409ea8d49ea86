import DistillInput
import DistillTestSupport
import Foundation
import Testing

/// Issue 19: file names with escape sequences reached the terminal raw on stderr.
@Suite("messages on stderr never carry control characters", .serialized)
struct TerminalSafetyTests {
    @Test func fileNameWithEscapeSequencesIsShownEscaped() throws {
        let dir = TempDir()
        let gz = Gzip.compress(Array(#"{"ts":1780495333,"account_id":"a"}"#.utf8 + [10]))
        let p = dir.write("evil\u{1B}]0;pwned\u{07}\u{1B}[2J.jsonl.gz", Array(gz[0..<(gz.count - 4)]))
        let (code, _, err) = try Fixture.run(["inspect", p])
        #expect(code == 3)
        #expect(!err.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" })
        #expect(err.contains("evil\\x1b]0;pwned\\x07\\x1b[2J.jsonl.gz"))
        let (code2, _, err2) = try Fixture.run(["inspect", dir.path + "/missing\u{1B}[31m.jsonl"])
        #expect(code2 == 2)
        #expect(!err2.contains("\u{1B}") && err2.contains("missing\\x1b[31m.jsonl"))
    }
}
