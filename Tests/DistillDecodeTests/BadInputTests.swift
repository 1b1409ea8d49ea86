import Testing

@testable import DistillDecode

@Suite("bad input lines")
struct BadInputTests {
    @Test(arguments: [
        (#"{"ts":1780495333,"account_id":"a""#, MalformedKind.invalidJSON),
        (#"{"ts":1780495333,"account_id":"a"} trailing"#, .invalidJSON),
        (#"[1,2,3]"#, .notObject),
        (#""just a string""#, .notObject),
        (#"{"ts":1780495333}"#, .missingAccount),
        (#"{"account_id":"a"}"#, .missingTimestamp),
        (#"{"ts":"yesterday","account_id":"a"}"#, .badTimestamp),
        (#"{"ts":1e999,"account_id":"a"}"#, .badTimestamp),
        (#"{"ts":1780495333,"account_id":{"id":1}}"#, .wrongType),
        (#"{"ts":1780495333,"account_id":"a","x":"\q"}"#, .invalidJSON),
        (#"{"ts":1780495333,"account_id":"a","x":01}"#, .invalidJSON),
        (#"{"ts":1780495333,"account_id":"a",}"#, .invalidJSON),
    ])
    func rejectsWithTheRightKind(_ line: String, _ kind: MalformedKind) {
        #expect(malformedKind(line) == kind)
    }

    @Test func invalidUTF8AndNulBytes() {
        var bad = Array(#"{"ts":1780495333,"account_id":"a","p":"x"#.utf8)
        bad += [0xC3, 0x28] + Array("\"}".utf8)
        if case .malformed(let k) = decodeBytes(bad) { #expect(k == .invalidUTF8) } else { Issue.record("accepted invalid UTF-8") }
        var nul = Array(#"{"ts":1780495333,"account_id":"a","p":"x"#.utf8)
        nul += [0] + Array("\"}".utf8)
        if case .malformed(let k) = decodeBytes(nul) { #expect(k == .nulByte) } else { Issue.record("accepted NUL") }
        if case .malformed(let k) = decodeBytes(Array(#"{"ts":1,"account_id":"a"}"#.utf8) + [0]) { #expect(k == .nulByte) } else { Issue.record("accepted trailing NUL") }
    }

    @Test func deepNestingIsBoundedNotACrash() {
        let deep = #"{"ts":1780495333,"account_id":"a","x":"# + String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000) + "}"
        #expect(malformedKind(deep) == .tooDeep)
    }

    @Test func bomCRLFAndBlankLines() throws {
        let r = decodeBytes([0xEF, 0xBB, 0xBF] + Array("{\"ts\":1780495333,\"account_id\":\"a\"}\r".utf8))
        guard case .record = r else { Issue.record("BOM+CR line rejected"); return }
        if case .skipped(let k) = decode("   \r") { #expect(k == .blank) } else { Issue.record("blank not skipped") }
    }

    @Test func duplicateKeysLastOneWins() throws {
        let r = try #require(record(#"{"ts":1780495333,"account_id":"first","account_id":"second"}"#))
        #expect(r.account == "second")
    }

    @Test func loneSurrogatesBecomeReplacementCharacters() throws {
        let r = try #require(record(#"{"ts":1780495333,"account_id":"a","messages":[{"role":"user","content":"x\ud800y \udc00 \ud83d\ude00"}]}"#))
        #expect(r.prompt == "x\u{FFFD}y \u{FFFD} 😀")
    }

    @Test func wrongTypesOnOptionalFieldsAreDropped() throws {
        let r = try #require(record(#"{"ts":1780495333,"account_id":"a","max_tokens":"lots","output_tokens":[1],"model":{"x":1},"messages":"not a list"}"#))
        #expect(r.maxTokens == nil && r.outputTokens == nil && r.model == nil && r.prompt.isEmpty)
    }

    @Test func numericAccountIdsAreText() throws {
        let r = try #require(record(#"{"ts":1780495333,"account_id":12345}"#))
        #expect(r.account == "12345")
    }

    @Test func timeFilterSkips() {
        var o = DecodeOptions()
        o.since = 1_780_495_334_000
        if case .skipped(let k) = decode(#"{"ts":1780495333,"account_id":"a"}"#, o) { #expect(k == .outsideTimeRange) } else { Issue.record("not skipped") }
    }
}
