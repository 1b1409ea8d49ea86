import Foundation

extension SafeText {
    /// An identifier or template as a code span, which reads cleanly in a terminal too
    /// (`acct_1f` rather than `acct\_1f`): `plain` first (no newline or control
    /// character can remain), fenced with more backticks than the longest run inside, and
    /// padded when it starts or ends with a backtick. In a table cell (`inTable`) a `|`
    /// is escaped as `\|` — GitHub splits cells before it reads code spans; outside tables
    /// a text with `|` is escaped the ordinary way instead, since `\|` would show in a
    /// code span. Text holding `<`, `>`, `&`, `[` or `]` (the template slot `<*>` aside)
    /// is escaped the ordinary way too: a code span would show it literally on GitHub, but
    /// the Markdown must hold no raw tag or link syntax for less careful renderers and
    /// readers. Empty text is `–`.
    package static func code(_ s: String, limit: Int = 80, inTable: Bool = true) -> String {
        let p = plain(s, limit: limit)
        guard !p.isEmpty else { return "–" }
        // The template slot `<*>` is no tag: it stays in code spans.
        // Scalars: `<` followed by a combining mark is a Character that is not `<`.
        if p.replacingOccurrences(of: "<*>", with: "").unicodeScalars.contains(where: { "<>&[]".unicodeScalars.contains($0) })
            || (!inTable && p.unicodeScalars.contains("|"))
        {
            return markdown(s, limit: limit)
        }
        return codeSpan(Substring(p))
    }
}
