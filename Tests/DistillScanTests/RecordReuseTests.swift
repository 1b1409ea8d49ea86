import DistillDecode
import DistillInput
import Foundation
import Testing

@testable import DistillScan

@Suite("record reuse")
struct RecordReuseTests {
    /// Lines in every format, full and sparse ones alternating, malformed ones between.
    /// A canonical line with every field (an address list, tools, a system prompt, a limit stop reason).
    static let full = #"{"ts":1780000000,"account_id":"a1","api_key_id":"k1","org_id":"o1","ip":"203.0.113.9, 10.0.0.1","user_agent":"sdk/1.0","tls_ja3":"ja3x","model":"m-large","endpoint":"/v1/messages","status":200,"input_tokens":12,"output_tokens":4000,"max_tokens":4096,"stop_reason":"max_tokens","latency_ms":900,"system":"Be brief.","messages":[{"role":"user","content":"Explain step by step."},{"role":"assistant","content":"ok"},{"role":"user","content":"More."}],"tools":[{"name":"search"}]}"#

    /// A canonical line whose system prompt is a `system` role message (OpenAI shape).
    static let fullChat = #"{"ts":1780000000,"account_id":"a6","messages":[{"role":"system","content":"Sys in messages."},{"role":"user","content":[{"type":"text","text":"Q?"}]}],"tools":[{"function":{"name":"calc"}}]}"#

    /// A Bedrock Converse line with a system prompt and tools.
    static let fullBedrock = #"{"schemaType":"ModelInvocationLog","timestamp":"2026-06-03T14:06:00Z","accountId":"111122223333","identity":{"arn":"arn:aws:sts::1:assumed-role/r/bob"},"operation":"Converse","modelId":"vendor.model-large-v1:0","input":{"inputBodyJson":{"system":[{"text":"Be terse."}],"messages":[{"role":"user","content":[{"text":"Sum 2 and 3."}]}],"toolConfig":{"tools":[{"toolSpec":{"name":"add"}}]}}},"output":{"outputBodyJson":{}}}"#

    /// Lines in every format, each sparse one right after a full line (or after a
    /// malformed line that follows it), so a decoder that kept any field would show it.
    static let lines = [
        fullChat,
        #"{"ts":1780000006,"account_id":"a7"}"#,
        fullBedrock,
        #"{"ts":1780000007,"account_id":"a8","messages":[{"role":"user","content":"plain"}]}"#,
        full,
        #"{"ts":1780000001,"account_id":"a2"}"#,
        full,
        #"{"id":"c1","call_type":"acompletion","status":"success","prompt_tokens":35,"completion_tokens":210,"startTime":1780495331.218,"endTime":1780495334.904,"model":"model-large","metadata":{"user_api_key_user_id":"user_42"},"end_user":"","messages":[{"role":"user","content":"Name three primes."}]}"#,
        full,
        #"{"ts":1780000003}"#,
        #"{"schemaType":"ModelInvocationLog","timestamp":"2026-06-03T14:05:00Z","accountId":"111122223333","identity":{"arn":"arn:aws:sts::1:assumed-role/r/alice"},"operation":"InvokeModel","modelId":"vendor.model-large-v1:0","input":{"inputBodyJson":{"messages":[{"role":"user","content":"What is a hash map?"}]}},"output":{"outputBodyJson":{}}}"#,
        full,
        #"not json"#,
        #"{"ts":1780000005,"account_id":"a5"}"#,
        #"{"ts":1780000002,"account_id":"a3","ip":"198.51.100.4","messages":[{"role":"user","content":"hi"}]}"#,
    ]

    /// Each line decoded on its own, by a fresh decoder.
    static func alone(_ line: String, _ options: DecodeOptions) -> RequestRecord? {
        var decoder = RecordDecoder(options: options)
        var bytes = Array(line.utf8)
        guard case .record(let r) = bytes.withUnsafeMutableBytes({ decoder.decode(RawSpan(_unsafeBytes: UnsafeRawBufferPointer($0))) }) else { return nil }
        return r
    }

    /// The scan decodes every line into one record reused from line to line: a line
    /// never keeps a field of the line before it (an address, tools, a system prompt, a
    /// stop reason), in one sequential pass and on workers alike.
    @Test func aRecordDecodedAfterAnotherKeepsNoneOfItsFields() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("reuse-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("mixed.jsonl").path
        try (Self.lines.joined(separator: "\n") + "\n").write(toFile: path, atomically: true, encoding: .utf8)
        var windowed = DecodeOptions()
        // The full lines (ts 1780000000) fall before the window: decoded, then skipped.
        windowed.since = 1_780_000_001_000
        for options in [DecodeOptions(), windowed] {
            let expected = Self.lines.compactMap { Self.alone($0, options) }
            #expect(expected.count == (options.since == nil ? 13 : 8))
            #expect(expected.contains { $0.ip == "203.0.113.9" && !$0.toolNames.isEmpty && !$0.systemPrompt.isEmpty && $0.hitTokenLimit } == (options.since == nil))
            #expect(expected.contains { $0.systemPrompt == "Sys in messages." && $0.toolNames == ["calc"] } == (options.since == nil))
            #expect(expected.contains { $0.systemPrompt == "Be terse." && $0.toolNames == ["add"] && $0.prompt == "Sum 2 and 3." })
            #expect(expected.filter { $0.systemUTF8.isEmpty && $0.toolNames.isEmpty }.count == 7)
            var sequential = RecordCollector()
            _ = FileScan.run(.file(path), options: options, sink: &sequential)
            #expect(sequential.records == expected)
            // All in one block, or all where they were read: either way one sink, in order.
            for sharing in [ParallelScan.Sharing.fromLine(1), .fromLine(.max)] {
                let parallel = ParallelScan.run([.file(path)], threads: 2, options: options, blockBytes: 1 << 20, sharing: sharing) { RecordCollector() }
                #expect(parallel.sink.records == expected)
            }
        }
    }
}
