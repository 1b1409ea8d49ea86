import DistillDecode
import Testing

@testable import DistillProfile

/// The profile pass makes a prompt's sample from the request's bytes, without a string of
/// the whole prompt: the sample (kept text, tags, shingles) and the kept system-prompt
/// prefix must be those the string path makes, for any length and any cut point.
@Suite("prompt samples from bytes")
struct PromptSampleBytesTests {
    /// Texts mixing one- to four-byte scalars, so that cuts fall inside scalars.
    static func texts() -> [String] {
        let pieces = ["a", "word ", "é", "日本", "🙂", "Ω ", "\n", "x\u{301}", "42 "]
        var seed: UInt64 = 9
        return (0..<120).map { _ in
            seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            let n = Int(seed >> 58)
            return (0..<n * 4).map { k in pieces[Int((seed >> UInt64(k % 50)) % UInt64(pieces.count))] }.joined()
        }
    }

    @Test func aSampleFromBytesIsTheSampleFromTheString() {
        for text in Self.texts() {
            for limit in [0, 1, 2, 3, 5, 16, 17, 63, 600, text.utf8.count - 1, text.utf8.count, text.utf8.count + 1] where limit >= 0 {
                let fromString = AccountProfile.PromptSample(prompt: text, textBytes: limit, tags: 5)
                let fromBytes = Array(text.utf8).withUnsafeBufferPointer { AccountProfile.PromptSample(promptUTF8: $0, textBytes: limit, tags: 5) }
                #expect(fromBytes.text == fromString.text && Array(fromBytes.text.utf8) == Array(fromString.text.utf8), "limit \(limit)")
                #expect(fromBytes.tags == fromString.tags)
                #expect(fromBytes.longShingles == fromString.longShingles && fromBytes.shingles == fromString.shingles, "limit \(limit)")
                let prefix = Array(text.utf8).withUnsafeBufferPointer { String(validUTF8: $0, prefix: limit) }
                #expect(Array(prefix.utf8) == Array(text.utf8Prefix(limit).utf8), "limit \(limit)")
                // Independently of both: the longest run of whole scalars within the limit,
                // and the whole prompt's sketch when that cut something off.
                var kept = String.UnicodeScalarView(), used = 0
                for u in text.unicodeScalars {
                    used += String(u).utf8.count
                    if used > limit { break }
                    kept.append(u)
                }
                #expect(fromBytes.text == String(kept), "limit \(limit)")
                #expect(fromBytes.shingles == ShingleSketch.of(text), "limit \(limit)")
            }
        }
        #expect([UInt8]().withUnsafeBufferPointer { String(validUTF8: $0, prefix: 10) }.isEmpty)
    }

    /// Bytes that end inside a scalar (not valid UTF-8) are read as if they ended before
    /// it, never past their end: the reader's bounds do not rest on the bytes' validity.
    @Test func bytesEndingInsideAScalarEndTheTextThere() {
        for text in Self.texts() + ["", "word", "日本語"] {
            let whole = Array(text.utf8)
            func tokens(_ bytes: [UInt8]) -> [UInt64] {
                bytes.withUnsafeBufferPointer { b in
                    var reader = Tokenizer.Reader(b)
                    var out: [UInt64] = []
                    while let t = reader.next() { out.append(t) }
                    return out
                }
            }
            let expected = tokens(whole)
            for partial: [UInt8] in [[0xC3], [0xE6], [0xE6, 0x97], [0xF0], [0xF0, 0x9F], [0xF0, 0x9F, 0x99], [0x80]] {
                #expect(tokens(whole + partial) == expected, "\(partial)")
            }
        }
    }
}
