import Testing

@testable import DistillDecode

@Suite("JSON tape")
struct JSONTapeTests {
    /// Parses `text` and reads the tape while the line is alive (the tape points into it).
    func parse<T>(_ tape: inout JSONTape, _ text: String, _ read: (JSONTape) -> T) throws -> T {
        try Array(text.utf8).withUnsafeBytes { line in
            try tape.parse(line, maxDepth: 64)
            return read(tape)
        }
    }

    @Test func nodesOutgrowingTheirStorageKeepTheirContentsAndLinks() throws {
        var tape = JSONTape()
        // 100,000 members: the node storage grows many times while the object stays open.
        let members = (0..<100_000).map { "\"k\($0)\":[\($0),\"v\"]" }.joined(separator: ",")
        let (n, next, last, middle) = try parse(&tape, "{\(members)}") { t in
            (t._unsafeNodes.count, Int(t._unsafeNodes[0].next), t.member(0, "k99999").map { t.string($0 + 2) }, t.member(0, "k12345").flatMap { t.int($0 + 1) })
        }
        #expect(n == 1 + 100_000 * 4 && next == n)
        #expect(last == "v" && middle == 12345)
    }

    /// Open containers are chained through their own nodes while they are open: a parse
    /// that fails inside them leaves no nodes behind (their links are not yet offsets).
    @Test(arguments: [#"{"a":[1,{"b":"#, #"[[1,2],[3"#, #"{"a":1,"b":[true,}"#, #"[{"x":1}]]"#])
    func aFailedParseLeavesNoNodes(_ text: String) {
        var tape = JSONTape()
        #expect(throws: JSONParseError.self) { try parse(&tape, text) { _ in () } }
        #expect(tape._unsafeNodes.isEmpty)
    }

    /// `maxDepth` counts open containers, empty ones included, as the stack it replaced did.
    @Test func theDepthLimitCountsOpenContainersEmptyOnesToo() throws {
        var tape = JSONTape()
        let nested = Array("[[]]".utf8), deeper = Array(#"{"a":[{"b":[]}]}"#.utf8)
        try nested.withUnsafeBytes { try tape.parse($0, maxDepth: 2) }
        #expect(tape._unsafeNodes.count == 2 && tape._unsafeNodes[0].next == 2 && tape._unsafeNodes[1].next == 2)
        #expect(throws: JSONParseError.tooDeep(limit: 1)) { try nested.withUnsafeBytes { try tape.parse($0, maxDepth: 1) } }
        try deeper.withUnsafeBytes { try tape.parse($0, maxDepth: 4) }
        #expect(tape._unsafeNodes.map(\.next) == [6, 2, 6, 6, 5, 6])
        #expect(throws: JSONParseError.tooDeep(limit: 3)) { try deeper.withUnsafeBytes { try tape.parse($0, maxDepth: 3) } }
    }

    @Test func aSmallLineAfterAHugeOneReadsOnlyItsOwnNodes() throws {
        var tape = JSONTape()
        _ = try parse(&tape, "[" + Array(repeating: "0", count: 200_000).joined(separator: ",") + "]") { $0._unsafeNodes.count }
        let (n, a, missing) = try parse(&tape, #"{"a":"b"}"#) { t in (t._unsafeNodes.count, t.member(0, "a").map { t.string($0) }, t.member(0, "missing")) }
        #expect(n == 3 && a == "b" && missing == nil)
    }

    @Test func aFailedParseLeavesTheTapeUsable() throws {
        var tape = JSONTape()
        #expect(throws: JSONParseError.self) { _ = try parse(&tape, #"{"a":[1,2,"#) { $0._unsafeNodes.count } }
        let (n, kind, next) = try parse(&tape, #"{"a":[1,2]}"#) { t in (t._unsafeNodes.count, t._unsafeNodes[2].kind, t._unsafeNodes[2].next) }
        #expect(n == 5 && kind == .array && next == 5)
    }

    /// A string body with one special byte sequence at `at` in a run of plain letters.
    struct Special: Sendable, CustomStringConvertible {
        var raw: [UInt8]
        /// The decoded text of `raw`, or nil when the line must be rejected.
        var decoded: String?
        var description: String { "\(raw)" }
    }

    /// The string scan's settings to test (`JSONTape.scansWide`): the 32-byte blocks too
    /// where this CPU runs them.
    static let scanWidths: [Int32] = JSONTape.cpuHasAVX2 ? [1, 0] : [0]

    /// Up to 100 bytes: the first 16-byte block, then (with AVX2) several 32-byte blocks and
    /// the 16- and 8-byte tails; run with the wide scan and without it.
    @Test(arguments: [
        Special(raw: Array(#"\""#.utf8), decoded: "\""), Special(raw: Array(#"\n"#.utf8), decoded: "\n"),
        Special(raw: Array(#"\u00e9"#.utf8), decoded: "é"), Special(raw: Array("é".utf8), decoded: "é"),
        Special(raw: Array("思".utf8), decoded: "思"), Special(raw: [0x01], decoded: nil), Special(raw: [0x1F], decoded: nil),
        Special(raw: [0xFF], decoded: nil), Special(raw: [0xC3], decoded: nil), Special(raw: Array(#"\x"#.utf8), decoded: nil),
        Special(raw: [0x22], decoded: nil),  // an unescaped quote ends the string early: the rest is not JSON
    ])
    func specialBytesAtEveryOffsetOfShortAndLongStrings(_ special: Special) throws {
        for wide in Self.scanWidths {
            for length in 0..<100 {
                for at in 0...length {
                    let before = [UInt8](repeating: UInt8(ascii: "a"), count: at), after = [UInt8](repeating: UInt8(ascii: "b"), count: length - at)
                    let line = Array(#"{"k":""#.utf8) + before + special.raw + after + Array(#"","z":1}"#.utf8)
                    var tape = JSONTape()
                    tape.scansWide = wide
                    let value: String? = try line.withUnsafeBytes { bytes in
                        do { try tape.parse(bytes, maxDepth: 8) } catch { return nil }
                        return tape.member(0, "k").map { tape.string($0) }
                    }
                    let expected = special.decoded.map { String(repeating: "a", count: at) + $0 + String(repeating: "b", count: length - at) }
                    #expect(value == expected, "wide \(wide), length \(length), at \(at)")
                }
            }
        }
    }

    /// The 16- and 32-byte string scans stop short of the line's end: a string that ends
    /// the line (its closing quote the last byte) is read by the scan's tail loops, and a
    /// special byte in its last bytes is seen there.
    @Test(arguments: [UInt8(ascii: "\\"), 0x01, 0xFF, UInt8(ascii: "\"")])
    func aSpecialByteNearTheEndOfTheLineIsSeen(_ special: UInt8) throws {
        for wide in Self.scanWidths {
            try aSpecialByteNearTheEndOfTheLineIsSeen(special, wide: wide)
        }
    }

    func aSpecialByteNearTheEndOfTheLineIsSeen(_ special: UInt8, wide: Int32) throws {
        for length in 0..<100 {
            let plain = [UInt8](repeating: UInt8(ascii: "a"), count: length)
            var tape = JSONTape()
            tape.scansWide = wide
            // A top-level string: the closing quote is the line's last byte.
            let read: String? = ([UInt8(ascii: "\"")] + plain + [UInt8(ascii: "\"")]).withUnsafeBytes { bytes in
                do { try tape.parse(bytes, maxDepth: 8) } catch { return nil }
                return tape.string(0)
            }
            #expect(read == String(repeating: "a", count: length), "wide \(wide), length \(length)")
            for at in 0..<length {
                var body = plain
                body[at] = special
                let parsed: Bool = ([UInt8(ascii: "\"")] + body + [UInt8(ascii: "\"")]).withUnsafeBytes { bytes in
                    do { try tape.parse(bytes, maxDepth: 8) } catch { return false }
                    return true
                }
                // A backslash escapes `a` (invalid) or the closing quote (unterminated);
                // control and 0xFF bytes are refused; a quote inside leaves bytes after
                // the value. Every one is rejected.
                #expect(!parsed, "wide \(wide), length \(length), at \(at)")
            }
        }
    }

    /// Compact lines take a shortcut past a key's colon; spaced ones go the long way. Both
    /// give the same nodes, and a missing or misplaced colon fails at the same offset.
    @Test func aKeysColonIsReadTheSameWithOrWithoutWhitespaceAroundIt() throws {
        var tape = JSONTape()
        func nodes(_ text: String) throws -> [String] {
            try parse(&tape, text) { t in
                t._unsafeNodes.indices.map { i in
                    let n = t._unsafeNodes[i]
                    let text = n.kind == .string ? t.string(i) : n.kind == .object || n.kind == .array ? "" : String(decoding: t._unsafeRaw(i), as: UTF8.self)
                    return "\(n.kind) \(n.next) \(text)"
                }
            }
        }
        let compact = try nodes(#"{"a":1,"b":{"c":"d","e":[true,null]},"f":"g"}"#)
        #expect(compact.count == 13 && compact[1] == "string 2 a" && compact[12] == "string 13 g")
        for spaced in [
            #"{"a" :1,"b": {"c":\#t"d" , "e":[true,null]},"f"\#n:\#r\#n"g"}"#,
            #" { "a" : 1 , "b" : { "c" : "d" , "e" : [ true , null ] } , "f" : "g" } "#,
        ] {
            #expect(try nodes(spaced) == compact)
        }
        let failures: [(String, JSONParseError)] = [
            (#"{"a"1}"#, .invalidJSON(offset: 4)), (#"{"a":"#, .invalidJSON(offset: 5)), (#"{"a""#, .invalidJSON(offset: 4)),
            ("{\"a\":\u{0}1}", .nulByte(offset: 5)), (#"{"a"::1}"#, .invalidJSON(offset: 5)), (#"{"a":}"#, .invalidJSON(offset: 5)),
        ]
        for (text, error) in failures {
            #expect(throws: error, "\(text)") { try parse(&tape, text) { _ in () } }
        }
    }
}
