import Testing

@testable import DistillReport

/// A combining mark (U+0301) after an ASCII markup character makes one Swift `Character`
/// that is not that character, while HTML, Markdown, DOT and CSV readers still see the
/// ASCII one. The escapers compared Characters, so `<`, `"`, `,` and backticks followed by
/// a combining mark went out raw (found by FuzzWriters; seeds
/// `Fuzz/Corpus/FuzzWriters/regress-combining-mark-*`).
@Suite("escaping reads scalars, not Characters")
struct CombiningMarkEscapeTests {
    func scalars(_ s: String) -> [Unicode.Scalar] { Array(s.unicodeScalars) }

    @Test func htmlEscapesAnAngleOrQuoteFollowedByACombiningMark() {
        #expect(scalars(HTMLText.escape("<\u{301}b>\"\u{301}&\u{301}")) == scalars("&lt;\u{301}b&gt;&quot;\u{301}&amp;\u{301}"))
    }

    @Test func markdownEscapesAnAngleFollowedByACombiningMark() {
        #expect(scalars(SafeText.markdown("a<\u{301}b>")) == scalars("a&lt;\u{301}b&gt;"))
    }

    @Test func markdownCodeSpanFenceCountsABacktickFollowedByACombiningMark() {
        // One backtick inside: the fence needs two, and a space because the word starts with one.
        #expect(scalars(SafeText.markdown("`\u{301}<b>@x")) == scalars("`` `\u{301}<b>@x ``"))
    }

    @Test func markdownCodeSpanEscapesAPipeFollowedByACombiningMark() {
        #expect(scalars(SafeText.markdown("a@b|\u{301}c")) == scalars("`a@b\\|\u{301}c`"))
    }

    @Test func markdownAutolinkWithACombiningMarkAfterSchemeOrWWWIsACodeSpan() {
        // GitHub links `http://` and `www.` followed by any non-space, non-punctuation
        // character (checked with cmarkgfm: both became links).
        #expect(SafeText.markdown("http://\u{301}evil.example").unicodeScalars.first == "`")
        #expect(SafeText.markdown("www.\u{301}evil.example").unicodeScalars.first == "`")
    }

    @Test func codeIdentifierWithAnAngleFollowedByACombiningMarkIsEscaped() {
        #expect(scalars(SafeText.code("a<\u{301}b")) == scalars("a&lt;\u{301}b"))
    }

    @Test func dotEscapesAQuoteFollowedByACombiningMark() {
        #expect(scalars(DOTText.quoted("a\"\u{301}b")) == scalars("\"a\\\"\u{301}b\""))
    }

    @Test func csvQuotesACommaOrQuoteFollowedByACombiningMark() {
        #expect(scalars(CSV.field("a,\u{301}b")) == scalars("\"a,\u{301}b\""))
        #expect(scalars(CSV.field("a\"\u{301}b")) == scalars("\"a\"\"\u{301}b\""))
    }
}
