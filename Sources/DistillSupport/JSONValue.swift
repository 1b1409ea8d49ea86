/// A JSON document built in code and written deterministically: object keys keep
/// insertion order, numbers have a fixed rendering, so identical input gives identical bytes.
package indirect enum JSONValue: Sendable, Equatable {
    case object([(String, JSONValue)])
    case array([JSONValue])
    case string(String)
    case int(Int)
    /// Rendered with at most 4 decimals.
    case double(Double)
    case bool(Bool)
    case null

    package static func == (a: JSONValue, b: JSONValue) -> Bool { a.render(pretty: false) == b.render(pretty: false) }

    package static func opt(_ s: String?) -> JSONValue { s.map { .string($0) } ?? .null }
    package static func opt(_ i: Int?) -> JSONValue { i.map { .int($0) } ?? .null }

    /// Serialises the value; `pretty` indents by two spaces.
    package func render(pretty: Bool = true) -> String {
        var out = ""
        write(&out, pretty: pretty, indent: 0)
        return out
    }

    func write(_ out: inout String, pretty: Bool, indent: Int) {
        let nl = pretty ? "\n" : ""
        let pad = pretty ? String(repeating: "  ", count: indent + 1) : ""
        let closePad = pretty ? String(repeating: "  ", count: indent) : ""
        switch self {
        case .object(let members):
            if members.isEmpty { out += "{}"; return }
            out += "{" + nl
            for (i, (k, v)) in members.enumerated() {
                out += pad
                Self.writeString(k, &out)
                out += pretty ? ": " : ":"
                v.write(&out, pretty: pretty, indent: indent + 1)
                if i < members.count - 1 { out += "," }
                out += nl
            }
            out += closePad + "}"
        case .array(let items):
            if items.isEmpty { out += "[]"; return }
            out += "[" + nl
            for (i, v) in items.enumerated() {
                out += pad
                v.write(&out, pretty: pretty, indent: indent + 1)
                if i < items.count - 1 { out += "," }
                out += nl
            }
            out += closePad + "]"
        case .string(let s): Self.writeString(s, &out)
        case .int(let i): out += String(i)
        case .double(let d): out += Self.number(d)
        case .bool(let b): out += b ? "true" : "false"
        case .null: out += "null"
        }
    }

    /// Fixed rendering: integers without a fraction, else up to 4 decimals, trailing zeros cut.
    package static func number(_ d: Double) -> String {
        guard d.isFinite else { return "null" }
        let scaled = (d * 10000).rounded()
        if scaled == 0 { return "0" }
        let negative = scaled < 0
        let v = Int64(abs(scaled))
        var s = String(v / 10000)
        var frac = String(v % 10000)
        frac = String(repeating: "0", count: 4 - frac.count) + frac
        while frac.hasSuffix("0") { frac.removeLast() }
        if !frac.isEmpty { s += "." + frac }
        return negative ? "-" + s : s
    }

    static func writeString(_ s: String, _ out: inout String) { JSONQuote.write(s, to: &out) }
}
