import DistillDecode
import DistillInput
import Testing

@testable import DistillProfile

/// The profile pass applies each request when the next one arrives (its profile's memory
/// is fetched meanwhile), so a state always holds one request not yet applied. Every
/// reader must see it, once: the link stage, merges, state files.
@Suite("the waiting request")
struct WaitingRequestTests {
    func record(_ i: Int, _ account: String) -> RequestRecord {
        var r = RequestRecord(timestamp: 1_780_000_000_000 + Int64(i) * 60_000, account: account)
        r.prompt = "Explain step by step how to solve problem \(i)"
        r.model = "model-\(i % 2)"
        r.outputTokens = 100 + i
        return r
    }

    func state(_ records: [RequestRecord]) -> ProfileState {
        var s = ProfileState(parameters: ProfileParameters(), matcher: IntentMatcher(pack: .builtIn))
        for r in records { s.consume(r) }
        return s
    }

    func counts(_ s: ProfileState) -> [String] {
        s.accountsByID.map { "\($0.id):\($0.profile.requests):\($0.profile.outputTokens):\($0.profile.lastSeen)" }
    }

    @Test func theLastRequestIsSeenByEveryReaderOnce() throws {
        var s = state([record(0, "a"), record(1, "b"), record(2, "a")])
        #expect(s.waiting != nil)
        let expected = ["a:2:202:\(1_780_000_000_000 + 2 * 60_000)", "b:1:101:\(1_780_000_000_000 + 60_000)"]
        #expect(counts(s) == expected)
        // Reading again, or reading the dictionary form, applies nothing twice.
        #expect(counts(s) == expected)
        #expect(s.accounts["a"]?.requests == 2 && s.accountCount == 2)
        // A state file written now holds it too.
        var w = BinaryWriter()
        s.encode(into: &w)
        var r = BinaryReader(w.bytes)
        let decoded = try ProfileState.decode(&r, parameters: s.parameters, matcher: s.matcher)
        #expect(counts(decoded) == expected)
        // Applied in place: the same, and more requests count on top of it.
        s.finish()
        #expect(s.waiting == nil && counts(s) == expected)
        s.consume(record(3, "b"))
        #expect(counts(s) == ["a:2:202:\(1_780_000_000_000 + 2 * 60_000)", "b:2:204:\(1_780_000_000_000 + 3 * 60_000)"])
    }

    /// Workers' states are merged at the end of a scan, each with its own waiting request.
    @Test func mergedStatesKeepEveryWaitingRequest() {
        let records = (0..<9).map { record($0, $0 % 3 == 0 ? "a" : "b") }
        let whole = state(records)
        let parts = [state(Array(records[0..<4])), state(Array(records[4..<5])), state(Array(records[5...]))]
        #expect(parts.allSatisfy { $0.waiting != nil })
        #expect(counts(ProfileState.merging(parts, threads: 2)) == counts(whole))
        var merged = parts[0]
        merged.merge(parts[1])
        merged.merge(parts[2])
        #expect(counts(merged) == counts(whole))
    }
}
