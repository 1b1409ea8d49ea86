import Testing

@testable import DistillDecode

/// The scan decodes every line into one reused record, and the canonical decoder leaves
/// a few-valued field untouched when the next line holds the same interned value. A
/// field that line does not have, or has empty, or has with other bytes, must not keep
/// the value of the line before.
@Suite("reused record")
struct ReusedRecordTests {
    static let full =
        #"{"ts":1780000000,"account_id":"a1","org_id":"org-one","user_agent":"python-requests/2.31.0 (full)","tls_ja3":"771,4865-4866-4867,0-23-65281","model":"model-large-2026","endpoint":"/v1/messages","stop_reason":"end_turn","prompt":"hi"}"#
    static let bare = #"{"ts":1780000001,"account_id":"a2","prompt":"hi"}"#
    static let other =
        #"{"ts":1780000002,"account_id":"a3","org_id":"org-two","user_agent":"","tls_ja3":null,"model":"model-small","endpoint":"/v1/chat/completions","stop_reason":"max_tokens","prompt":"hi"}"#

    func fields(_ r: RequestRecord) -> [String?] { [r.org, r.userAgent, r.tlsFingerprint, r.model, r.endpoint, r.stopReason] }

    @Test func aFewValuedFieldNeverOutlivesItsLine() throws {
        var decoder = RecordDecoder(options: DecodeOptions())
        var reused = RequestRecord(timestamp: 0, account: "")
        for line in [Self.full, Self.full, Self.bare, Self.full, Self.other, Self.bare, Self.other, Self.full] {
            let status = Array(line.utf8).withUnsafeBytes { decoder.decode(unsafeLine: $0, into: &reused) }
            guard case .record = status else {
                Issue.record("not a record: \(line)")
                continue
            }
            // A fresh decoder and record: what the line alone gives.
            let alone = try #require(record(line))
            #expect(fields(reused) == fields(alone), "\(line)")
            #expect(reused == alone, "\(line)")
        }
    }
}
