/// Makes text from the logs safe to show: no terminal control sequences, no bidi
/// overrides, no active Markdown or HTML, bounded length.
package enum SafeText {
    /// Removes control characters (C0, DEL, C1 — so ESC sequences lose their ESC and
    /// CSI), bidi overrides and zero-width joiners; newlines and tabs become spaces.
    package static func plain(_ s: String, limit: Int = 160) -> String {
        var out = String.UnicodeScalarView()
        var count = 0
        var lastSpace = false
        for u in s.unicodeScalars {
            var c = u
            if u == "\n" || u == "\r" || u == "\t" {
                c = " "
            } else if u.value < 0x20 || u.value == 0x7F || (0x80...0x9F).contains(u.value) {
                continue
            } else if (0x202A...0x202E).contains(u.value) || (0x2066...0x2069).contains(u.value)
                || (0x200B...0x200F).contains(u.value) || u.value == 0xFEFF
            {
                continue
            }
            if c == " " { if lastSpace { continue }; lastSpace = true } else { lastSpace = false }
            if count >= limit { out.append("…"); break }
            out.append(c)
            count += 1
        }
        return String(out).trimmingSpaces()
    }

    /// `plain`, then escaped so that Markdown and HTML renderers (GitHub-flavoured
    /// Markdown included) show it literally; also safe inside a table cell:
    /// - punctuation that starts emphasis, links, headings, code or HTML is escaped;
    /// - a word that GitHub would turn into a live link (an URL with `://`, a `www.`
    ///   name, anything with `@` such as an e-mail address) becomes a code span, which
    ///   is never autolinked (backslashes and entities do not stop autolinks);
    /// - a leading list or heading marker (`- `, `+ `, `1. `, `1) `, `=`) is escaped, so
    ///   a value at the start of a line cannot turn it into a list.
    package static func markdown(_ s: String, limit: Int = 160) -> String {
        var out = ""
        for (i, word) in plain(s, limit: limit).split(separator: " ", omittingEmptySubsequences: false).enumerated() {
            if i > 0 { out += " " }
            out += autolinks(word) ? codeSpan(word) : escaped(word)
        }
        return escapingLeadingMarker(out)
    }

    /// Whether GitHub's autolink extension could turn (part of) `word` into a link.
    /// Markup is read scalar by scalar, and so is everything below: a combining mark
    /// after `` ` ``, `<`, `|`, `/` or `.` makes a Character that is none of them, while
    /// GitHub's parser still sees the ASCII character (found by FuzzWriters).
    static func autolinks(_ word: Substring) -> Bool {
        let bytes = Array(word.lowercased().utf8)
        func has(_ needle: String) -> Bool {
            let n = Array(needle.utf8)
            return bytes.count >= n.count && (0...(bytes.count - n.count)).contains { bytes[$0..<($0 + n.count)].elementsEqual(n) }
        }
        return has("@") || has("://") || has("www.")
    }

    /// `word` as a code span: fenced with more backticks than it holds in a row, `|`
    /// escaped (table cells are split before code spans are read).
    static func codeSpan(_ word: Substring) -> String {
        var run = 0, longest = 0
        for u in word.unicodeScalars { if u == "`" { run += 1; longest = max(longest, run) } else { run = 0 } }
        let fence = String(repeating: "`", count: longest + 1)
        let pad = word.unicodeScalars.first == "`" || word.unicodeScalars.last == "`" ? " " : ""
        var body = ""
        for u in word.unicodeScalars { if u == "|" { body += "\\|" } else { body.unicodeScalars.append(u) } }
        return fence + pad + body + pad + fence
    }

    static func escaped(_ word: Substring) -> String {
        var out = ""
        for u in word.unicodeScalars {
            switch u {
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "&": out += "&amp;"
            case "|": out += "\\|"
            case "\\", "`", "*", "_", "#", "[", "]", "(", ")", "!", "~", "{", "}":
                out += "\\" + String(u)
            default: out.unicodeScalars.append(u)
            }
        }
        return out
    }

    /// `- x`, `+ x`, `1. x`, `1) x` and `=`/`-` runs at the start of a line make lists
    /// and headings: their first character (or the `.`/`)`) is escaped.
    static func escapingLeadingMarker(_ s: String) -> String {
        guard let first = s.first else { return s }
        if first == "-" || first == "+" || first == "=" { return "\\" + s }
        let digits = s.prefix(while: \.isASCIIDigit)
        if !digits.isEmpty && digits.count <= 9 {
            let rest = s.dropFirst(digits.count)
            if let m = rest.first, m == "." || m == ")", rest.dropFirst().first.map({ $0 == " " }) ?? true {
                return String(digits) + "\\" + rest
            }
        }
        return s
    }

    /// Markdown for an identifier in backticks-free form (escaped, short).
    package static func id(_ s: String) -> String { markdown(s, limit: 80) }

    /// Text for a terminal (messages on stderr): complete, but every control character
    /// (C0, DEL, C1: escape sequences), bidi override and zero-width character is shown
    /// as a visible escape (`\x1b`, `\u{202e}`), so a file name cannot move the cursor,
    /// recolour the screen or hide itself. `keepingNewlines` keeps `\n` (usage text).
    package static func terminal(_ s: String, keepingNewlines: Bool = false) -> String {
        var out = ""
        for u in s.unicodeScalars {
            if u == "\n" && keepingNewlines { out.unicodeScalars.append(u); continue }
            let v = u.value
            if v < 0x20 || v == 0x7F || (0x80...0x9F).contains(v) {
                out += "\\x" + (v < 0x10 ? "0" : "") + String(v, radix: 16)
            } else if (0x202A...0x202E).contains(v) || (0x2066...0x2069).contains(v) || (0x200B...0x200F).contains(v)
                || v == 0xFEFF || v == 0x2028 || v == 0x2029
            {
                out += "\\u{" + String(v, radix: 16) + "}"
            } else {
                out.unicodeScalars.append(u)
            }
        }
        return out
    }
}

extension Character {
    var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}

extension String {
    func trimmingSpaces() -> String {
        var s = Substring(self)
        while s.first == " " { s.removeFirst() }
        while s.last == " " { s.removeLast() }
        return String(s)
    }
}
