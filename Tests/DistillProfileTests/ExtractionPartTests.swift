import DistillDecode
import Testing

@testable import DistillProfile

/// Issue 14: what counts as an account's extraction part and as a limit hit.
@Suite("extraction part")
struct ExtractionPartTests {
    func profile(_ requests: [(turns: Int, maxTokens: Int?, output: Int?, stop: String?)]) -> AccountProfile {
        var state = ProfileState(parameters: ProfileParameters(), matcher: IntentMatcher(pack: .builtIn))
        for (i, q) in requests.enumerated() {
            var r = RequestRecord(timestamp: 1_780_000_000_000 + Int64(i) * 60_000, account: "a")
            r.prompt = "question number \(i) about something"
            r.userTurns = q.turns
            r.maxTokens = q.maxTokens
            r.outputTokens = q.output
            r.stopReason = q.stop
            state.consume(r)
        }
        return state.accounts["a"]!
    }

    /// Was: a client capping answers at 1,024 tokens hit its limit on most requests and
    /// looked like output appetite (benign SDK customers reached high).
    @Test func aSmallLimitRunIntoIsNoAppetite() {
        let capped = profile(Array(repeating: (1, 1024, 1024, "length"), count: 10))
        #expect(capped.hitLimitShare == 0)
        #expect(capped.extractionShaped == 10)  // the outputs themselves are long enough
        let short = profile(Array(repeating: (1, 512, 512, "length"), count: 10))
        #expect(short.hitLimitShare == 0 && short.extractionShaped == 0)
        let large = profile(Array(repeating: (1, 8192, 8192, "length"), count: 10))
        #expect(large.hitLimitShare == 1 && large.extractionShaped == 10)
    }

    @Test func theExtractionPartIsSingleTurnLongOutputWhateverTheLimit() {
        let p = profile([(1, 32000, 300, nil), (1, nil, 2500, nil), (3, 8192, 6000, nil), (1, 8192, nil, nil), (1, 1024, nil, nil)])
        // A large max_tokens with a short output is not; a long output is; a conversation
        // is not; a large limit stands in only when no output is logged.
        #expect(p.extractionShaped == 2)
        #expect(p.partSamples.count == 2)
    }
}
