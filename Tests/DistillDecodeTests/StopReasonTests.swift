import Testing

@testable import DistillDecode

@Suite("stop reasons")
struct StopReasonTests {
    /// The limit wordings of OpenAI, Anthropic, Gemini and Bedrock, in any ASCII case, and
    /// nothing else: not a prefix, not a longer word, not another reason of the same length.
    @Test(arguments: [
        ("max_tokens", true), ("MAX_TOKENS", true), ("Length", true), ("length", true), ("max_output_tokens", true),
        ("MAX_OUTPUT_TOKENS", true), ("end_turn", false), ("stop", false), ("", false), ("max_token", false),
        ("max_tokens ", false), ("lengths", false), ("strong", false), ("max_tokenz", false), ("mäx_tokens", false),
        ("max_output_tokens_", false),
    ])
    func aLimitReasonIsOneOfTheLimitWordings(reason: String, isLimit: Bool) {
        var r = RequestRecord(timestamp: 0, account: "a")
        r.stopReason = reason
        #expect(r.hitTokenLimit == isLimit)
    }

    /// Without a reason, the output reaching the limit (within 2 %) is what tells.
    @Test func withoutAReasonTheOutputAtTheLimitTells() {
        var r = RequestRecord(timestamp: 0, account: "a")
        r.maxTokens = 1000
        r.outputTokens = 980
        #expect(r.hitTokenLimit)
        r.outputTokens = 979
        #expect(!r.hitTokenLimit)
    }
}
