import Testing

@testable import DistillDecode

@Suite("string interner")
struct StringInternerTests {
    /// Whatever the interner holds, it hands out exactly what `String(decoding:as:)` makes.
    @Test func internedStringsEqualFreshlyDecodedOnesThroughEvictions() {
        let interner = StringInterner(slots: 4)  // tiny: values keep displacing each other
        let values: [[UInt8]] = [
            Array("claude-sonnet-4-20250514-extended".utf8), Array("Mozilla/5.0 (X11; Linux x86_64)".utf8),
            Array("/v1/chat/completions".utf8), Array("ja3:771,4865-4866-4867,0-23-65281".utf8),
            [0x61, 0x62, 0xFF, 0xFE, 0x63, 0x64, 0x65, 0x66, 0x67, 0x68, 0x69, 0x6A, 0x6B, 0x6C, 0x6D, 0x6E, 0x6F],  // invalid UTF-8
            Array("model-with-ü-and-末尾".utf8),
        ]
        for round in 0..<3 {
            for v in values.shuffled() + (round == 1 ? values.reversed() : []) {
                let s = v.withUnsafeBytes { interner.string($0) }
                #expect(s == String(decoding: v, as: UTF8.self))
            }
        }
    }

    @Test func hashSeesEveryByteAndTheLength() {
        func h(_ s: String) -> UInt64 { Array(s.utf8).withUnsafeBytes { StringInterner.hash($0) } }
        #expect(h("abcdefghijklmnopq") != h("abcdefghijklmnopr"))
        #expect(h("abcdefghijklmnop") != h("abcdefghijklmnop\0"))
        #expect(h("xbcdefghijklmnopq") != h("abcdefghijklmnopq"))
    }

    /// Values up to 32 bytes are keyed by word loads that overlap differently for each
    /// length: a value that differs from the one held in any single byte, or only in its
    /// length, is never handed the held string.
    @Test func valuesOfEveryLengthDifferingInOneByteAreNotConfused() {
        let interner = StringInterner(slots: 1)  // one slot: every value meets the one held
        for length in 0...40 {
            let base = (0..<length).map { UInt8(ascii: "a") + UInt8($0 % 26) }
            var variants = [base, base + [UInt8(ascii: "z")]]
            for at in 0..<length {
                var v = base
                v[at] ^= 0x20
                variants.append(v)
            }
            for v in variants + [base] {
                let s = v.withUnsafeBytes { interner.string($0) }
                #expect(s == String(decoding: v, as: UTF8.self), "length \(length)")
            }
        }
    }

    /// `assign` sets what `string` would hand out, and leaves a target that already holds
    /// that very string alone; equal-looking values of other bytes (canonically equivalent
    /// spellings, any value through evictions) are replaced, never kept.
    @Test func assignSetsTheInternedStringAndKeepsOnlyTheSameOne() {
        let interner = StringInterner(slots: 2)
        let precomposed = "caf\u{E9}-model-of-some-length", decomposed = "cafe\u{301}-model-of-some-length"
        #expect(precomposed == decomposed)  // `==` alone would have kept the wrong bytes
        let values = [precomposed, decomposed, "python-requests/2.31.0 long enough", "short", precomposed]
        var target: String? = nil
        for round in 0..<3 {
            for v in values {
                let bytes = Array(v.utf8)
                bytes.withUnsafeBytes { interner.assign($0, to: &target) }
                #expect(target.map { Array($0.utf8) } == bytes, "round \(round)")
                let again = target
                bytes.withUnsafeBytes { interner.assign($0, to: &target) }
                #expect(StringInterner.isSameStorage(target!, again!), "a repeat keeps the string held")
            }
        }
    }
}
