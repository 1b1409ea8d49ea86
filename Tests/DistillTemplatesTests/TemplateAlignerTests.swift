import Testing

@testable import DistillTemplates

/// The aligner's ASCII shortcuts answer as `Character.isWhitespace` and `isNumber` do.
@Suite("template aligner tokens")
struct TemplateAlignerTests {
    @Test func asciiWhitespaceAndDigitsAreTheCharacterProperties() {
        var characters: [Character] = (0..<128).map { Character(Unicode.Scalar(UInt8($0))) }
        characters += ["\r\n", "\u{85}", "\u{A0}", "\u{2003}", "\u{3000}", "٣", "½", "Ⅻ", "é", "思"]
        for ch in characters {
            #expect(TemplateAligner.isWhitespace(ch) == ch.isWhitespace, "\(ch.unicodeScalars.map(\.value))")
            #expect(TemplateAligner.isNumber(ch) == ch.isNumber, "\(ch.unicodeScalars.map(\.value))")
        }
        #expect(TemplateAligner.tokens("ask 42 times\r\nthen\u{3000}stop") == ["ask", TemplateAligner.slot, "times", "then", "stop"])
    }
}
