/// Makes text from the logs safe to show: no terminal control sequences, no bidi
/// overrides, no active Markdown or HTML, bounded length.
public enum SafeText {
    /// Removes control characters (C0, DEL, C1 — so ESC sequences lose their ESC and
    /// CSI), bidi overrides and zero-width joiners; newlines and tabs become spaces.
    public static func plain(_ s: String, limit: Int = 160) -> String {
        var out = String.UnicodeScalarView()
        var count = 0
        var lastSpace = false
        for u in s.unicodeScalars {
            var c = u
            if u == "\n" || u == "\r" || u == "\t" { c = " " }
            else if u.value < 0x20 || u.value == 0x7F || (0x80...0x9F).contains(u.value) { continue }
            else if (0x202A...0x202E).contains(u.value) || (0x2066...0x2069).contains(u.value)
                        || (0x200B...0x200F).contains(u.value) || u.value == 0xFEFF { continue }
            if c == " " { if lastSpace { continue }; lastSpace = true } else { lastSpace = false }
            if count >= limit { out.append("…"); break }
            out.append(c)
            count += 1
        }
        return String(out).trimmingSpaces()
    }

    /// `plain`, then escaped so that Markdown and HTML renderers show it literally
    /// (also safe inside a table cell).
    public static func markdown(_ s: String, limit: Int = 160) -> String {
        var out = ""
        for ch in plain(s, limit: limit) {
            switch ch {
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "&": out += "&amp;"
            case "|": out += "\\|"
            case "\\", "`", "*", "_", "#", "[", "]", "(", ")", "!", "~", "{", "}":
                out += "\\" + String(ch)
            default: out.append(ch)
            }
        }
        return out
    }

    /// Markdown for an identifier in backticks-free form (escaped, short).
    public static func id(_ s: String) -> String { markdown(s, limit: 80) }
}

extension String {
    func trimmingSpaces() -> String {
        var s = Substring(self)
        while s.first == " " { s.removeFirst() }
        while s.last == " " { s.removeLast() }
        return String(s)
    }
}
