import Testing

@testable import DistillDecode

/// Issue 19: untrusted numbers overflowed sums (`output_tokens` 9e15 on 1,025 records
/// crashed the run) and lines over 2 GiB overflowed the tape's 32-bit offsets.
@Suite("untrusted counts are bounded at decode time")
struct CountBoundTests {
    @Test(arguments: [
        #"{"ts":1780495333,"account_id":"a","output_tokens":9e15,"input_tokens":-5,"max_tokens":4000000000,"latency_ms":1e12}"#,
        #"{"startTime":1780495333.5,"model":"m","completion_tokens":9000000000000000,"prompt_tokens":2147483649,"metadata":{"user_api_key_user_id":"a"}}"#,
        #"{"schemaType":"ModelInvocationLog","timestamp":"2026-06-03T10:00:00Z","identity":{"arn":"a"},"modelId":"m","input":{"inputTokenCount":9e15},"output":{"outputTokenCount":9e15}}"#,
    ])
    func countsAboveTwoToThe31AreDroppedAndTheRecordKept(_ line: String) throws {
        let r = try #require(record(line))
        #expect(r.outputTokens == nil && r.inputTokens == nil && r.maxTokens == nil && r.latencyMs == nil)
        #expect(r.account == "a")
    }

    @Test func countsWithinTheBoundAreKept() throws {
        let r = try #require(record(#"{"ts":1780495333,"account_id":"a","output_tokens":2147483648,"input_tokens":0,"max_tokens":4096,"latency_ms":250}"#))
        #expect(r.outputTokens == 1 << 31 && r.inputTokens == 0 && r.maxTokens == 4096 && r.latencyMs == 250)
    }

    /// A line longer than 32-bit offsets can address is refused before a byte is read
    /// (the buffer here has no memory behind its length: touching it would crash).
    @Test func tapeRefusesALineItCannotAddress() throws {
        var tape = JSONTape()
        var one: UInt8 = UInt8(ascii: "{")
        try withUnsafeMutableBytes(of: &one) { p in
            let huge = UnsafeRawBufferPointer(start: p.baseAddress, count: JSONTape.maxDocumentBytes + 1)
            #expect(throws: JSONParseError.tooLong(limit: JSONTape.maxDocumentBytes)) { try tape.parse(huge, maxDepth: 64) }
        }
    }
}
