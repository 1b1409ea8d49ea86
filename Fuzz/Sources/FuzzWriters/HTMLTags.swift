/// The HTML report read as a browser's tokenizer would split it: its tags in order, or the
/// first place where log text could have become markup. Strict where the HTML writer is
/// strict (double-quoted attribute values, entities ended by `;`, no comments), so any
/// departure from the writer's own way of writing reads as a problem, never as text.
struct HTMLTags: Equatable {
    /// An open tag with its attribute names in order (values aside), or a closing tag.
    struct Tag: Equatable, CustomStringConvertible {
        var name: String
        var closing: Bool
        var attributes: [String]
        var description: String { closing ? "</\(name)>" : "<" + ([name] + attributes).joined(separator: " ") + ">" }
    }

    var tags: [Tag] = []
    /// Every character reference (`amp`, `#39`, …) in text and attribute values.
    var entities: Set<String> = []
    /// `href`, `src` and `xlink:href` values, character references decoded.
    var urls: [String] = []

    /// Elements whose content is raw text up to their closing tag (the writer's CSS).
    static let rawText: Set<String> = ["style", "script"]

    /// Reads `html`; the error is the first problem, with its byte offset.
    static func read(_ html: String) -> Result<HTMLTags, Problem> {
        var reader = Reader(bytes: Array(html.utf8))
        do {
            try reader.run()
            return .success(reader.out)
        } catch {
            return .failure(error)
        }
    }

    struct Problem: Error, CustomStringConvertible {
        var offset: Int
        var what: String
        var description: String { "at byte \(offset): \(what)" }
    }

    private struct Reader {
        let bytes: [UInt8]
        var i = 0
        var out = HTMLTags()

        func problem(_ what: String) -> Problem {
            let end = min(bytes.count, i + 40)
            return Problem(offset: i, what: what + " near `" + String(decoding: bytes[max(0, i - 20)..<end], as: UTF8.self) + "`")
        }

        func at(_ k: Int) -> UInt8? { k < bytes.count ? bytes[k] : nil }

        static func isLetter(_ b: UInt8) -> Bool { (0x41...0x5A).contains(b) || (0x61...0x7A).contains(b) }
        static func isDigit(_ b: UInt8) -> Bool { (0x30...0x39).contains(b) }
        static func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x0A || b == 0x09 || b == 0x0D || b == 0x0C }

        mutating func run() throws(Problem) {
            let doctype = Array("<!DOCTYPE html>".utf8)
            if bytes.starts(with: doctype) { i = doctype.count }
            while i < bytes.count {
                switch bytes[i] {
                case UInt8(ascii: "<"): try tag()
                case UInt8(ascii: "&"): out.entities.insert(try entity())
                default: i += 1
                }
            }
        }

        /// `&name;`, `&#digits;` or `&#xhex;`; returns what is between `&` and `;`.
        mutating func entity() throws(Problem) -> String {
            let start = i + 1
            var k = start
            if at(k) == UInt8(ascii: "#") {
                k += 1
                let hex = at(k) == UInt8(ascii: "x") || at(k) == UInt8(ascii: "X")
                if hex { k += 1 }
                let digits = k
                while let b = at(k), Self.isDigit(b) || (hex && Self.isLetter(b) && (b | 0x20) <= UInt8(ascii: "f")) { k += 1 }
                guard k > digits else { throw problem("'&#' without digits") }
            } else {
                guard let b = at(k), Self.isLetter(b) else { throw problem("a bare '&' (not a character reference)") }
                while let b = at(k), Self.isLetter(b) || Self.isDigit(b) { k += 1 }
            }
            guard at(k) == UInt8(ascii: ";") else { throw problem("a character reference not ended by ';'") }
            i = k + 1
            return String(decoding: bytes[start..<k], as: UTF8.self)
        }

        mutating func name() -> String {
            let start = i
            while let b = at(i), Self.isLetter(b) || Self.isDigit(b) || b == UInt8(ascii: "-") || b == UInt8(ascii: ":") || b == UInt8(ascii: "_") {
                i += 1
            }
            return String(decoding: bytes[start..<i], as: UTF8.self)
        }

        mutating func tag() throws(Problem) {
            let open = i
            i += 1
            let closing = at(i) == UInt8(ascii: "/")
            if closing { i += 1 }
            guard let first = at(i), Self.isLetter(first) else {
                i = open
                throw problem(at(open + 1) == UInt8(ascii: "!") ? "a comment or declaration" : "a raw '<' in text")
            }
            let tagName = name().lowercased()
            var tag = Tag(name: tagName, closing: closing, attributes: [])
            while true {
                while let b = at(i), Self.isSpace(b) { i += 1 }
                guard let b = at(i) else { throw problem("a tag not closed by '>'") }
                if b == UInt8(ascii: ">") { i += 1; break }
                if b == UInt8(ascii: "/") && at(i + 1) == UInt8(ascii: ">") && !closing { i += 2; break }
                guard b != UInt8(ascii: "<") else { throw problem("a '<' inside a tag") }
                guard !closing else { throw problem("a closing tag with attributes") }
                guard i > open && Self.isSpace(bytes[i - 1]) else { throw problem("an attribute not preceded by a space") }
                guard Self.isLetter(b) else { throw problem("an attribute name starting with '\(Unicode.Scalar(b))'") }
                let attribute = name().lowercased()
                tag.attributes.append(attribute)
                guard at(i) == UInt8(ascii: "=") else { continue }
                i += 1
                guard at(i) == UInt8(ascii: "\"") else { throw problem("an attribute value not in double quotes") }
                i += 1
                let value = try attributeValue()
                if ["href", "src", "xlink:href"].contains(attribute) { out.urls.append(value) }
                guard let next = at(i), Self.isSpace(next) || next == UInt8(ascii: ">") || next == UInt8(ascii: "/") else {
                    throw problem("text straight after a quoted attribute value (a stray '\"' inside it)")
                }
            }
            out.tags.append(tag)
            if !closing && Self.rawText(tagName) { try skipRawText(tagName) }
        }

        static func rawText(_ name: String) -> Bool { HTMLTags.rawText.contains(name) }

        /// The value up to its closing quote, references decoded (for the URL check).
        mutating func attributeValue() throws(Problem) -> String {
            var decoded = ""
            while true {
                guard let b = at(i) else { throw problem("an attribute value without its closing quote") }
                if b == UInt8(ascii: "\"") { i += 1; return decoded }
                if b == UInt8(ascii: "<") { throw problem("a raw '<' in an attribute value") }
                if b == UInt8(ascii: "&") {
                    let e = try entity()
                    out.entities.insert(e)
                    decoded += Self.decode(e)
                    continue
                }
                decoded.unicodeScalars.append(Unicode.Scalar(b))
                i += 1
            }
        }

        /// Numeric references as their character (a `javascript:` spelled `&#106;…` too);
        /// named ones as a placeholder.
        static func decode(_ e: String) -> String {
            guard e.hasPrefix("#") else { return "&" + e + ";" }
            let digits = e.dropFirst()
            let value = digits.first == "x" || digits.first == "X" ? UInt32(digits.dropFirst(), radix: 16) : UInt32(digits)
            return value.flatMap(Unicode.Scalar.init).map { String(Character($0)) } ?? ""
        }

        /// CSS (the writer's own) up to `</style>`: it must hold no `<` at all.
        mutating func skipRawText(_ tagName: String) throws(Problem) {
            let end = Array("</\(tagName)".utf8)
            let start = i
            while i < bytes.count && bytes[i] != UInt8(ascii: "<") { i += 1 }
            guard i < bytes.count, bytes[i...].starts(with: end) else {
                i = max(start, min(i, bytes.count - 1))
                throw problem("a '<' inside <\(tagName)> other than its closing tag")
            }
        }
    }
}
