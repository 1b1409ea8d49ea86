import DistillDecode
import DistillSupport
import Testing

@testable import DistillProfile

/// The byte-level tokenizer and signature must equal the straightforward scalar-by-scalar
/// definition: prompt families and their ids depend on every token hash.
@Suite("tokenizer")
struct TokenizerTests {
    /// The definition: one scalar at a time.
    static func referenceTokens(_ text: String) -> [UInt64] {
        var out: [UInt64] = []
        var word: UInt64 = 0xCBF2_9CE4_8422_2325
        var inWord = false, isNumber = true
        func flush() {
            if inWord { out.append(isNumber ? Tokenizer.numberToken : StableHash.mix(word)) }
            word = 0xCBF2_9CE4_8422_2325; inWord = false; isNumber = true
        }
        for u in text.unicodeScalars {
            let v = u.value
            let isDigit = v >= 0x30 && v <= 0x39
            if Tokenizer.isSpaceless(v) {
                flush()
                out.append(StableHash.mix(UInt64(v) | 0x1_0000_0000))
            } else if (v < 0x80 && (isDigit || (v >= 0x61 && v <= 0x7A) || (v >= 0x41 && v <= 0x5A) || u == "_" || u == "'"))
                || (v >= 0x80 && u.properties.isAlphabetic)
            {
                let lower = (v >= 0x41 && v <= 0x5A) ? v + 32 : v
                word = (word ^ UInt64(lower)) &* 0x0000_0100_0000_01B3
                if !isDigit { isNumber = false }
                inWord = true
            } else {
                flush()
            }
        }
        flush()
        return out
    }

    /// The definition of the signature: bigram shingles, `% bins` and `/ bins`.
    static func referenceSignature(_ text: String) -> [UInt32] {
        let tokens = referenceTokens(text)
        let n = ShingleSignature.bins
        var bins = [UInt64](repeating: .max, count: n)
        func put(_ h: UInt64) { let b = Int(h % UInt64(n)); if h / UInt64(n) < bins[b] { bins[b] = h / UInt64(n) } }
        if tokens.count == 1 { put(StableHash.mix(tokens[0])) }
        if tokens.count > 1 { for i in 0..<(tokens.count - 1) { put(StableHash.mix(tokens[i] &* 31 ^ tokens[i + 1])) } }
        if bins.contains(.max), bins.contains(where: { $0 != .max }) {
            for b in 0..<n where bins[b] == .max {
                var j = (b + 1) % n, step: UInt64 = 1
                while bins[j] == .max { j = (j + 1) % n; step += 1 }
                bins[b] = StableHash.mix(bins[j] &+ step)
            }
        }
        return bins.map { UInt32(truncatingIfNeeded: $0 >> 32) }
    }

    static let texts = [
        "", "   ", "word", "Explain photosynthesis step by step, then answer in a box.",
        "Order #4471 shipped 2026-08-01; ETA 3 days", "don't_stop O'Brien", "Ünïcödé naïve café Straße ΑΒΓ δέλτα Кириллица",
        "请一步一步地详细解释光合作用，写出完整的推理过程。", "ภาษาไทยไม่มีช่องว่าง", "日本語とカタカナ混じりtext",
        "emoji 🙂 and 𝒳 math ⅧⅨ ① ½ ٣٤ tabs\tand\nnewlines", "a", "12345", "x1 y2 z3 4a",
    ]

    @Test(arguments: texts)
    func bytesTokenizeLikeScalars(text: String) {
        #expect(Tokenizer.tokens(text) == Self.referenceTokens(text))
        #expect(ShingleSignature(text: text).values == Self.referenceSignature(text))
    }

    /// The tables of alphabetic scalars (below U+3100, and U+FF00–U+FFFF) are the Unicode
    /// property, scalar for scalar, and elsewhere the property is asked as before (a
    /// non-scalar is no letter).
    @Test func theAlphabeticTablesAreTheUnicodeProperty() {
        for v in Array(UInt32(0)..<Tokenizer.alphabeticLowEnd) + Array(Tokenizer.alphabeticFormsStart..<0x1_0000) {
            #expect(Tokenizer.isAlphabetic(v) == Unicode.Scalar(v)!.properties.isAlphabetic, "U+\(String(v, radix: 16))")
        }
        for v in [0x3100, 0x3041, 0xAC00, 0xD800, 0xDFFF, 0xE000, 0xFEFF, 0x1_0000, 0x1_0400, 0x10_FFFF, 0x11_0000] as [UInt32] {
            #expect(Tokenizer.isAlphabetic(v) == (Unicode.Scalar(v)?.properties.isAlphabetic ?? false), "U+\(String(v, radix: 16))")
        }
        #expect(Tokenizer.isAlphabetic(0xE9) && Tokenizer.isAlphabetic(0x416) && !Tokenizer.isAlphabetic(0x2014) && !Tokenizer.isAlphabetic(0x3002) && Tokenizer.isAlphabetic(0xFF21) && !Tokenizer.isAlphabetic(0xFF0C) && !Tokenizer.isAlphabetic(0xD800))
    }
}
