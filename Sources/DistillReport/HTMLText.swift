/// Escaping for HTML: every log-derived string goes through `text` (element content and
/// double- or single-quoted attribute values alike), after `SafeText.plain` has removed
/// control and bidi characters and bounded its length.
package enum HTMLText {
    /// `s` cleaned and cut to `limit` characters, with `& < > " '` as character references:
    /// it can neither close an element or attribute nor open a tag, comment or entity.
    package static func text(_ s: String, limit: Int = 160) -> String { escape(SafeText.plain(s, limit: limit)) }

    /// Escapes `& < > " '` only (for text the tool wrote itself, or already cleaned).
    package static func escape(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        // Scalars, not Characters: `<` followed by a combining mark is one Character that
        // is not `<`, yet a browser still reads the `<` (found by FuzzWriters).
        for u in s.unicodeScalars {
            switch u {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.unicodeScalars.append(u)
            }
        }
        return out
    }
}

/// Numbers for people (Markdown, HTML, terminal): digits grouped by thousands with commas
/// (`1,234,567`). JSON, NDJSON and CSV keep plain digits for programs.
package enum NumberText {
    package static func grouped(_ n: Int) -> String {
        let digits = String(n.magnitude)
        var out = ""
        for (i, d) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out.append(",") }
            out.append(d)
        }
        return (n < 0 ? "-" : "") + out
    }
}
