@testable import DistillDecode
import Testing

/// Found by a 30-minute FuzzDecode run: LiteLLM start and end times far apart trapped
/// converting their difference to whole milliseconds.
@Suite("LiteLLM latency from hostile times")
struct LatencyOverflowTests {
    @Test(arguments: ["1e300", "1.7e308", "9e18"])
    func startAndEndTimesTooFarApartGiveNoLatencyInsteadOfTrapping(_ end: String) {
        let line = #"{"model":"m","user":"u1","startTime":0,"endTime":"# + end + #","messages":[{"role":"user","content":"hi"}],"response":{"choices":[]}}"#
        var decoder = RecordDecoder(options: DecodeOptions())
        let bytes = Array(line.utf8)
        let outcome = decoder.decode(bytes.span.bytes)
        if case .record(let r) = outcome { #expect(r.latencyMs == nil) }
    }

    @Test func ordinaryTimesStillGiveTheLatency() {
        let line = #"{"model":"m","user":"u1","startTime":1780000000.25,"endTime":1780000001.5,"messages":[{"role":"user","content":"hi"}],"response":{"choices":[]}}"#
        var decoder = RecordDecoder(options: DecodeOptions())
        let bytes = Array(line.utf8)
        let outcome = decoder.decode(bytes.span.bytes)
        guard case .record(let r) = outcome else { Issue.record("not decoded as a record: \(outcome)"); return }
        #expect(r.latencyMs == 1250)
    }
}
