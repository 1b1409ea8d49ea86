/// Writes a string as a JSON string literal: quotes, backslashes and control characters
/// escaped, and C1 controls, DEL and the line/paragraph separators as `\\u` escapes so the
/// output is safe for terminals and JavaScript alike.
package enum JSONQuote {
    /// The literal's UTF-8 appended to `out`. Works on the string's UTF-8 (always valid):
    /// runs without anything to escape are copied whole; C1 controls are `C2 80`–`C2 9F`
    /// and the separators `E2 80 A8`/`E2 80 A9`.
    package static func write(_ s: String, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        var s = s
        // SAFETY: `u` is the string's UTF-8, read only inside the closure; indexes stay below `u.count` (each multi-byte test checks the bytes it reads exist).
        s.withUTF8 { u in
            var run = 0, i = 0
            func escape(_ value: UInt32, width: Int) {
                out.append(contentsOf: u[run..<i])
                switch value {
                case 0x22: out += #"\""#.utf8
                case 0x5C: out += #"\\"#.utf8
                case 0x0A: out += #"\n"#.utf8
                case 0x0D: out += #"\r"#.utf8
                case 0x09: out += #"\t"#.utf8
                default:
                    out += #"\u"#.utf8
                    for shift in stride(from: 12, through: 0, by: -4) { out.append(hexDigits[Int(value >> UInt32(shift) & 0xF)]) }
                }
                i += width
                run = i
            }
            while i < u.count {
                let b = u[i]
                if b == 0x22 || b == 0x5C || b < 0x20 || b == 0x7F {
                    escape(UInt32(b), width: 1)
                } else if b == 0xC2, i + 1 < u.count, (0x80...0x9F).contains(u[i + 1]) {
                    escape(UInt32(u[i + 1]), width: 2)
                } else if b == 0xE2, i + 2 < u.count, u[i + 1] == 0x80, u[i + 2] == 0xA8 || u[i + 2] == 0xA9 {
                    escape(0x2000 | UInt32(u[i + 2] - 0x80), width: 3)
                } else {
                    i += 1
                }
            }
            out.append(contentsOf: u[run..<u.count])
        }
        out.append(UInt8(ascii: "\""))
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)

    package static func quoted(_ s: String) -> String {
        var out: [UInt8] = []
        write(s, to: &out)
        return String(decoding: out, as: UTF8.self)
    }
}
