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
        // Written as bytes: appending to a String scalar by scalar made a large report's
        // rendering a tenth of a second.
        var out: [UInt8] = []
        write(&out, pretty: pretty, indent: 0)
        return String(decoding: out, as: UTF8.self)
    }

    func write(_ out: inout [UInt8], pretty: Bool, indent: Int) {
        func newline(_ depth: Int) {
            guard pretty else { return }
            out.append(UInt8(ascii: "\n"))
            for _ in 0..<(2 * depth) { out.append(UInt8(ascii: " ")) }
        }
        switch self {
        case .object(let members):
            out.append(UInt8(ascii: "{"))
            for (i, (k, v)) in members.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                newline(indent + 1)
                JSONQuote.write(k, to: &out)
                out.append(UInt8(ascii: ":"))
                if pretty { out.append(UInt8(ascii: " ")) }
                v.write(&out, pretty: pretty, indent: indent + 1)
            }
            if !members.isEmpty { newline(indent) }
            out.append(UInt8(ascii: "}"))
        case .array(let items):
            out.append(UInt8(ascii: "["))
            for (i, v) in items.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                newline(indent + 1)
                v.write(&out, pretty: pretty, indent: indent + 1)
            }
            if !items.isEmpty { newline(indent) }
            out.append(UInt8(ascii: "]"))
        case .string(let s): JSONQuote.write(s, to: &out)
        case .int(let i): out += String(i).utf8
        case .double(let d): out += Self.number(d).utf8
        case .bool(let b): out += (b ? "true" : "false").utf8
        case .null: out += "null".utf8
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
}
