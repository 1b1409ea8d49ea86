import Testing

@testable import DistillDecode

/// Issue 19: RFC 3339 text in years 0000 or 9999 and impossible dates were accepted,
/// although the documented range is 1990–2100.
@Suite("timestamps are range- and calendar-checked")
struct TimestampRangeTests {
    @Test(arguments: [
        "0000-01-01T00:00:00Z", "9999-12-31T23:59:59Z", "1989-12-31T23:59:59Z", "2100-01-01T00:00:01Z",
        "2026-02-31T00:00:00Z", "2026-02-29T00:00:00Z", "2026-04-31", "2026-06-01T00:00:00+24:00", "2026-06-01T00:00:00+05:60",
    ])
    func outOfRangeOrImpossibleDatesAreBadTimestamps(_ ts: String) {
        #expect(malformedKind(#"{"ts":"\#(ts)","account_id":"a"}"#) == .badTimestamp)
    }

    @Test(arguments: ["1990-01-01T00:00:00Z", "2024-02-29T12:00:00Z", "2000-02-29", "2099-12-31T23:59:59.999Z", "2026-06-01T00:00:00+23:59"])
    func realDatesAtTheEdgesAreAccepted(_ ts: String) {
        #expect(malformedKind(#"{"ts":"\#(ts)","account_id":"a"}"#) == nil)
    }
}
