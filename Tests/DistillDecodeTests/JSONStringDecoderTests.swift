import Testing

@testable import DistillDecode

@Suite("JSON string decoder")
struct JSONStringDecoderTests {
    /// The decoder writes into the string's own storage and stops a few bytes past the
    /// limit: at every limit, across escapes, surrogate pairs, lone surrogates and raw
    /// multi-byte text, it keeps exactly the whole decoded text cut on a character
    /// boundary at that limit.
    @Test func everyLimitCutsTheDecodedTextOnACharacterBoundary() {
        let body = #"ab\n\"c\u00e9d\ud83d\ude00e\ud800f思g\\h\/\t\u4e2d"#
        let whole = "ab\n\"cé" + "d😀e\u{FFFD}f思g\\h/\t中"
        let raw = Array(body.utf8)
        let full = raw.withUnsafeBytes { JSONStringDecoder.decode($0, limit: .max) }
        #expect(full == whole)
        for limit in 0...(whole.utf8.count + 2) {
            let cut = raw.withUnsafeBytes { JSONStringDecoder.decode($0, limit: limit) }
            #expect(cut == whole.utf8Prefix(limit), "limit \(limit)")
        }
    }

    /// A long plain run before the first escape is cut to the limit, not copied whole.
    @Test func aLongRunBeforeAnEscapeIsCutAtTheLimit() {
        let raw = Array((String(repeating: "é", count: 5000) + #"\n"#).utf8)
        for limit in [0, 1, 2, 3, 4999, 5000, 10_000, 10_001] {
            let s = raw.withUnsafeBytes { JSONStringDecoder.decode($0, limit: limit) }
            #expect(s == (String(repeating: "é", count: 5000) + "\n").utf8Prefix(limit), "limit \(limit)")
        }
    }
}
