/// Writes a string as a JSON string literal: quotes, backslashes and control characters
/// escaped, and C1 controls, DEL and the line/paragraph separators as `\\u` escapes so the
/// output is safe for terminals and JavaScript alike.
package enum JSONQuote {
    package static func write(_ s: String, to out: inout String) {
        out += "\""
        for u in s.unicodeScalars {
            switch u {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if u.value < 0x20 || u.value == 0x7F || (0x80...0x9F).contains(u.value) || u.value == 0x2028 || u.value == 0x2029 {
                    let h = String(u.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - h.count) + h
                } else {
                    out.unicodeScalars.append(u)
                }
            }
        }
        out += "\""
    }

    package static func quoted(_ s: String) -> String {
        var out = ""
        write(s, to: &out)
        return out
    }
}
