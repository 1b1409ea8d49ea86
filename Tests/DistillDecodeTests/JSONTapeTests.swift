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
            (t.nodes.count, Int(t.nodes[0].next), t.member(0, "k99999").map { t.string($0 + 2) }, t.member(0, "k12345").flatMap { t.int($0 + 1) })
        }
        #expect(n == 1 + 100_000 * 4 && next == n)
        #expect(last == "v" && middle == 12345)
    }

    @Test func aSmallLineAfterAHugeOneReadsOnlyItsOwnNodes() throws {
        var tape = JSONTape()
        _ = try parse(&tape, "[" + Array(repeating: "0", count: 200_000).joined(separator: ",") + "]") { $0.nodes.count }
        let (n, a, missing) = try parse(&tape, #"{"a":"b"}"#) { t in (t.nodes.count, t.member(0, "a").map { t.string($0) }, t.member(0, "missing")) }
        #expect(n == 3 && a == "b" && missing == nil)
    }

    @Test func aFailedParseLeavesTheTapeUsable() throws {
        var tape = JSONTape()
        #expect(throws: JSONParseError.self) { _ = try parse(&tape, #"{"a":[1,2,"#) { $0.nodes.count } }
        let (n, kind, next) = try parse(&tape, #"{"a":[1,2]}"#) { t in (t.nodes.count, t.nodes[2].kind, t.nodes[2].next) }
        #expect(n == 5 && kind == .array && next == 5)
    }
}
