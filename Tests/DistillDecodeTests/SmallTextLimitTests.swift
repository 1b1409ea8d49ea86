import Testing

@testable import DistillDecode

/// `max_system_bytes` may be 0 (the configuration allows 0…16 MiB), but a text limit
/// smaller than the head-and-tail gap (`" … "`, 5 bytes) made the head's budget
/// negative, and cutting a string at a negative length trapped on the first record
/// with a longer system prompt.
@Suite("text limits smaller than the gap")
struct SmallTextLimitTests {
    static let lines = [
        #"{"ts":"2026-01-01T00:00:00Z","account_id":"a","system":"You are a careful assistant.","messages":[{"role":"user","content":"hi"}]}"#,
        #"{"ts":"2026-01-01T00:00:00Z","account_id":"a","system":[{"type":"text","text":"You are"},{"type":"text","text":"a careful"},{"type":"text","text":"assistant."}],"messages":[{"role":"user","content":"hi"}]}"#,
    ]

    @Test(arguments: [0, 1, 2, 3, 4, 5, 6, 7])
    func aSystemLimitBelowTheGapCutsTheTextInsteadOfTrapping(_ limit: Int) throws {
        var options = DecodeOptions()
        options.maxSystemBytes = limit
        for line in Self.lines {
            let r = try #require(record(line, options))
            #expect(r.systemPrompt.utf8.count <= limit, "\(line)")
        }
    }

    @Test(arguments: [0, 1, 2, 3, 4, 5, 6, 7])
    func headAndTailOfAnEscapedOrPlainStringStaysWithinATinyLimit(_ limit: Int) throws {
        for json in [#""plain words that are long enough""#, #""escaped \"words\" that are long enough""#] {
            var tape = JSONTape()
            let text = try Array(json.utf8).withUnsafeBytes { line in
                try tape.parse(line, maxDepth: 8)
                return tape.headAndTail(tape.root, limit: limit)
            }
            #expect(text.utf8.count <= limit, "\(json)")
        }
        #expect("plain words that are long enough".utf8HeadAndTail(limit).utf8.count <= limit)
    }
}
