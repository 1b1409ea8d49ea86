import Testing

@testable import DistillDecode

/// The decoders copy a request's texts into the record's reused byte buffers instead of
/// building `String`s. Every content shape must give exactly the bytes the `String`
/// reading gives, or hashes, families and reports would change.
@Suite("texts read as bytes equal texts read as strings")
struct TextBytesTests {
    /// Content values of every shape `MessageExtraction.text` reads, short and past the limit.
    static var contents: [String] {
        let long = String(repeating: "context words here ", count: 60)
        let escapedLong = String(repeating: "line \\\"quoted\\\" \\u00e9 推理 \\ud83d\\ude00\\n", count: 40)
        var out = [
            "\"plain prompt\"", "\"\"", "\"esc\\naped \\\"text\\\" \\u00e9 \\ud83d\\ude00 lone \\ud800 end\"",
            "\"\(long)\"", "\"\(escapedLong)\"", "\"推理过程 ünïcödé\"",
            "[{\"type\":\"text\",\"text\":\"one block\"}]",
            "[{\"type\":\"text\",\"text\":\"esc\\tblock\"}]",
            "[{\"type\":\"text\",\"text\":\"\(long)\"}]",
            "[{\"type\":\"text\",\"text\":\"a\"},{\"type\":\"text\",\"text\":\"b\"}]",
            "[{\"type\":\"text\",\"text\":\"\"},{\"type\":\"text\",\"text\":\"only the second\"}]",
            "[\"bare string\", {\"type\":\"image\"}]", "[\"x\", \"y\"]", "[]", "[1, null, true]",
            "[{\"text\": 5, \"content\": \"nested content\"}]",
            "[{\"content\": [{\"text\": \"deeper\"}]}, {\"text\": \"and more\"}]",
            "[{\"text\": 5}]", "[{\"type\":\"text\"}]",
            "{\"text\": \"object text\"}", "{\"text\": [{\"text\": \"object of blocks\"}]}", "{\"other\": 1}",
            "42", "null", "true",
            "[{\"text\":\"Intro.\"},{\"text\":\"\(long)\"},{\"text\":\"Answer in full.\"}]",
        ]
        out.append("[" + (0..<30).map { "{\"text\":\"block \($0) \(long.prefix(80))\"}" }.joined(separator: ",") + "]")
        return out
    }

    @Test(arguments: [0, 5, 16, 64, 300, 1024, 4096])
    func everyContentShapeGivesTheStringsBytes(_ limit: Int) throws {
        for json in Self.contents {
            let (string, bytes) = try readTape(json) { t -> (String, [UInt8]) in
                var b: [UInt8] = Array("stale bytes from the last line".utf8)
                MessageExtraction.setText(t, t.root, limit: limit, &b)
                return (MessageExtraction.text(t, t.root, limit: limit), b)
            }
            #expect(bytes == Array(string.utf8), "content \(json.prefix(60)) at limit \(limit)")
        }
    }

    @Test(arguments: [1, 7, 64, 300, 4096])
    func aPlainStringCutGivesTheStringsBytes(_ limit: Int) throws {
        for json in Self.contents where json.hasPrefix("\"") {
            let (string, bytes) = try readTape(json) { t -> (String, [UInt8]) in
                var b: [UInt8] = Array("stale".utf8)
                MessageExtraction.setPlainText(t, t.root, limit: limit, &b)
                return (t.string(t.root, limit: limit), b)
            }
            #expect(bytes == Array(string.utf8), "content \(json.prefix(60)) at limit \(limit)")
        }
    }

    @Test func everyCutOfAStringGivesTheStringsBytes() throws {
        // Multi-byte characters, escapes and spaces at every offset a head or tail can start or end.
        let bodies = [
            String(repeating: "ab 推理 é 😀 ", count: 12),
            String(repeating: "x\\\\n\\\"q\\\" \\u00e9\\ud83d\\ude00 推 ", count: 10),
            String(repeating: "plain ascii words ", count: 10),
        ]
        for body in bodies {
            for limit in 0...200 {
                let (strings, bytes) = try readTape("\"\(body)\"") { t -> ([String], [[UInt8]]) in
                    var cut: [UInt8] = [], headTail: [UInt8] = []
                    t.appendString(t.root, limit: limit, to: &cut)
                    t.appendHeadAndTail(t.root, limit: limit, to: &headTail)
                    return ([t.string(t.root, limit: limit), t.headAndTail(t.root, limit: limit)], [cut, headTail])
                }
                #expect(bytes[0] == Array(strings[0].utf8), "cut of \(body.prefix(20)) at \(limit)")
                #expect(bytes[1] == Array(strings[1].utf8), "head and tail of \(body.prefix(20)) at \(limit)")
            }
        }
    }

    @Test func aTopLevelSystemPromptReplacesOneFromTheMessages() throws {
        let line = #"{"ts":1780000000,"account_id":"a","system":"Top level.","messages":[{"role":"system","content":"In messages."},{"role":"user","content":"q"}]}"#
        let r = record(line)
        #expect(r?.systemPrompt == "Top level." && r?.prompt == "q" && r?.userTurns == 1)
    }

    /// The account id is appended as bytes too; it must read as `identifier` reads it.
    @Test(arguments: [
        #""plain-id""#, #""esc\u00e9\"id""#, "123456789", "-4.5e3", #""\#(String(repeating: "é", count: 40))""#,
    ])
    func anAccountIdReadsAsTheIdentifierString(_ id: String) throws {
        var options = DecodeOptions()
        options.maxIdentifierBytes = 32
        var decoder = RecordDecoder(options: options)
        var bytes = Array(#"{"ts":1780000000,"account_id":\#(id)}"#.utf8)
        let (record, expected) = bytes.withUnsafeMutableBytes { line -> (RequestRecord?, String?) in
            guard case .record(let r) = decoder.decode(RawSpan(_unsafeBytes: UnsafeRawBufferPointer(line))) else { return (nil, nil) }
            // The line is parsed again by the same decoder, so its tape holds it.
            _ = decoder.decode(RawSpan(_unsafeBytes: UnsafeRawBufferPointer(line)))
            let node = decoder.tape.member(decoder.tape.root, "account_id")
            guard case .success(let s)? = decoder.identifier(node) else { return (r, nil) }
            return (r, s)
        }
        #expect(record != nil && expected != nil && record?.account == expected)
        #expect(record.map { $0.accountUTF8 == Array($0.account.utf8) } == true)
    }

    /// A state file may carry an identifier limit below the options' floor of 16: an id
    /// whose first character does not fit reads as empty, so the account is missing (an
    /// empty account id was accepted once the id was checked by its raw body alone).
    @Test func anIdEmptyUnderATinyLimitIsAMissingAccount() {
        var options = DecodeOptions()
        options.maxIdentifierBytes = 1
        if case .malformed(let kind) = decode(#"{"ts":1780000000,"account_id":"éa"}"#, options) {
            #expect(kind == .missingAccount)
        } else {
            Issue.record("the line was not rejected")
        }
        #expect(record(#"{"ts":1780000000,"account_id":"ab"}"#, options)?.account == "a")
    }

    @Test func theRecordsStringViewsReadAndWriteItsBytes() {
        var r = RequestRecord(timestamp: 0, account: "a")
        r.prompt = "héllo 😀"
        #expect(r.promptUTF8 == Array("héllo 😀".utf8) && r.prompt == "héllo 😀")
        r.systemPrompt = "sys"
        #expect(r.systemUTF8 == Array("sys".utf8))
    }

    @Test func resetMakesAFreshRecordAndKeepsTheTextsStorage() {
        var r = RequestRecord(timestamp: 5, account: "a")
        // Every field away from its initial value.
        r.apiKey = "k"; r.org = "o"; r.ip = "10.0.0.1"; r.userAgent = "ua"; r.tlsFingerprint = "t"
        r.model = "m"; r.endpoint = "/e"; r.status = 500; r.failed = true; r.inputTokens = 1
        r.outputTokens = 2; r.maxTokens = 3; r.stopReason = "length"; r.latencyMs = 4
        r.promptUTF8 = Array(repeating: 0x61, count: 1000); r.systemUTF8 = Array(repeating: 0x62, count: 500)
        r.userTurns = 3; r.assistantTurns = 2; r.toolNames = ["search", "calc"]; r.format = .bedrock
        // `reset` clears field by field: a field added to the record must be added there
        // (and set above), which this count reminds of.
        #expect(Mirror(reflecting: r).children.count == 22)
        let capacity = r.promptUTF8.capacity
        r.reset(timestamp: 9)
        r.account = "b"
        #expect(r == RequestRecord(timestamp: 9, account: "b"))
        #expect(r.promptUTF8.capacity == capacity && r.systemUTF8.capacity >= 500 && r.toolNames.capacity >= 2)
    }

    @Test func aCopyOfTheRecordKeepsItsTextsWhenTheOriginalIsReset() {
        var r = RequestRecord(timestamp: 5, account: "a")
        r.prompt = "kept by the copy"
        let copy = r
        r.reset(timestamp: 6)
        r.account = "b"
        r.prompt = "new"
        #expect(copy.prompt == "kept by the copy" && r.prompt == "new")
    }
}
