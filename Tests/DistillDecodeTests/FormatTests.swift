import Testing

@testable import DistillDecode

@Suite("formats")
struct FormatTests {
    @Test func canonicalWithContentBlocksMultiTurnAndTools() throws {
        let r = try #require(
            record(
                #"{"ts":"2026-06-03T14:02:12Z","account_id":"acct_9d01","ip":"2001:db8::7","user_agent":"Mozilla/5.0","model":"model-small","status":200,"input_tokens":58,"output_tokens":240,"max_tokens":1024,"stop_reason":"end_turn","system":[{"type":"text","text":"Be kind."}],"messages":[{"role":"user","content":[{"type":"text","text":"Summarize this:"},{"type":"text","text":"The meeting moved."}]},{"role":"assistant","content":"Moved."},{"role":"user","content":"Thanks, and in French?"}],"tools":[{"name":"search"},{"name":"calculator"}]}"#
            ))
        #expect(r.account == "acct_9d01")
        #expect(r.timestamp == 1_780_495_332_000)
        #expect(r.prompt == "Thanks, and in French?")
        #expect(r.systemPrompt == "Be kind.")
        #expect(r.userTurns == 2 && r.assistantTurns == 1)
        #expect(r.toolNames == ["search", "calculator"])
        #expect(r.ip == "2001:db8::7" && r.maxTokens == 1024 && r.outputTokens == 240)
        #expect(r.format == .canonical)
    }

    @Test func canonicalAliasesAndEpochMilliseconds() throws {
        let r = try #require(record(#"{"timestamp":1780495333456,"user_id":"acct_31aa","client_ip":"198.51.100.9","model":"m","status":429,"messages":[{"role":"user","content":"Plan a trip."}]}"#))
        #expect(r.account == "acct_31aa" && r.ip == "198.51.100.9" && r.timestamp == 1_780_495_333_456)
        #expect(r.failed)
    }

    @Test func everyAliasIsFoundAndNoLookAlike() {
        let table = CanonicalField.aliasTable
        for field in CanonicalField.ordered {
            for (rank, alias) in field.aliases.enumerated() {
                let hit = Array(alias.utf8).withUnsafeBytes { table.lookup($0) }
                // An alias listed under an earlier field belongs to that field.
                let owner = CanonicalField.ordered.first { $0.aliases.contains(alias) }!
                #expect(hit?.field == owner.index, "alias \(alias)")
                if owner == field { #expect(hit?.rank == rank, "alias \(alias)") }
            }
        }
        // Same length, first and last 8 bytes as real aliases, different middle; prefixes and case.
        for lookAlike in ["requester_XX_address", "max_completionXtokens", "max_output_tokenz", "account_i", "Model", "", "ip ", "system_prompts"] {
            #expect(Array(lookAlike.utf8).withUnsafeBytes { table.lookup($0) } == nil, "\(lookAlike)")
        }
    }

    @Test(arguments: [
        ("1780495333", Int64(1_780_495_333_000)),
        ("1780495333.25", 1_780_495_333_250),
        ("1780495333456", 1_780_495_333_456),
        ("1780495333456789", 1_780_495_333_456),
        ("\"2026-06-03T14:02:13.5+02:00\"", 1_780_488_133_500),
        ("\"2026-06-03 14:02:13\"", 1_780_495_333_000),
        ("\"1780495333\"", 1_780_495_333_000),
    ])
    func timestampShapes(_ ts: String, _ expected: Int64) throws {
        let r = try #require(record("{\"ts\":\(ts),\"account_id\":\"a\"}"))
        #expect(r.timestamp == expected)
    }

    @Test func liteLLMStandardLoggingPayload() throws {
        let r = try #require(
            record(
                #"{"id":"c1","call_type":"acompletion","status":"success","prompt_tokens":35,"completion_tokens":210,"startTime":1780495331.218,"endTime":1780495334.904,"model":"model-large","metadata":{"user_api_key_hash":"9b2c","user_api_key_user_id":"user_42","user_api_key_team_id":"team_7","requester_ip_address":"203.0.113.41"},"end_user":"","requester_ip_address":"203.0.113.41","messages":[{"role":"system","content":"You are terse."},{"role":"user","content":"Name three primes."}],"model_parameters":{"max_tokens":512},"response":{"choices":[{"finish_reason":"stop"}]}}"#
            ))
        #expect(r.format == .litellm)
        #expect(r.account == "user_42" && r.org == "team_7" && r.apiKey == "9b2c")
        #expect(r.timestamp == 1_780_495_331_218)
        #expect(r.systemPrompt == "You are terse." && r.prompt == "Name three primes.")
        #expect(r.maxTokens == 512 && r.outputTokens == 210 && r.stopReason == "stop" && !r.failed)
        #expect(r.latencyMs == 3686)
    }

    @Test func liteLLMEndUserWinsAndFailureRowsCount() throws {
        let r = try #require(
            record(
                #"{"status":"failure","startTime":1780495340.5,"metadata":{"user_api_key_user_id":"user_43"},"end_user":"customer-9","messages":[{"role":"user","content":[{"type":"text","text":"Hi"}]}],"model_parameters":{"tools":[{"type":"function","function":{"name":"lookup"}}]}}"#
            ))
        #expect(r.account == "customer-9" && r.failed && r.toolNames == ["lookup"] && r.prompt == "Hi")
    }

    @Test func bedrockInvokeModelNativeBody() throws {
        let r = try #require(
            record(
                #"{"schemaType":"ModelInvocationLog","timestamp":"2026-06-03T14:05:00Z","accountId":"111122223333","identity":{"arn":"arn:aws:sts::1:assumed-role/r/alice"},"operation":"InvokeModel","modelId":"vendor.model-large-v1:0","input":{"inputBodyJson":{"max_tokens":1024,"system":"Be brief.","messages":[{"role":"user","content":"What is a hash map?"}]},"inputTokenCount":14},"output":{"outputBodyJson":{"stop_reason":"end_turn"},"outputTokenCount":96}}"#
            ))
        #expect(r.format == .bedrock)
        #expect(r.account == "arn:aws:sts::1:assumed-role/r/alice")
        // Issue 14 (class 8): `accountId` is the log owner, the same for every caller; as
        // the org it kept declared-organisation explanations from ever applying.
        #expect(r.org == nil)
        #expect(r.prompt == "What is a hash map?" && r.systemPrompt == "Be brief." && r.maxTokens == 1024)
        #expect(r.inputTokens == 14 && r.outputTokens == 96 && r.ip == nil && r.userAgent == nil)
    }

    @Test func bedrockConverseBodyAndErrors() throws {
        let r = try #require(
            record(
                #"{"schemaType":"ModelInvocationLog","timestamp":"2026-06-03T14:05:02Z","accountId":"1","identity":{"arn":"arn:bob"},"operation":"Converse","modelId":"m","errorCode":"ThrottlingException","input":{"inputBodyJson":{"messages":[{"role":"user","content":[{"text":"List two uses of graphite."}]}],"system":[{"text":"One line."}],"inferenceConfig":{"maxTokens":256},"toolConfig":{"tools":[{"toolSpec":{"name":"web_search"}}]}}}}"#
            ))
        #expect(r.prompt == "List two uses of graphite." && r.systemPrompt == "One line.")
        #expect(r.maxTokens == 256 && r.toolNames == ["web_search"] && r.failed)
    }

    @Test func bedrockOtherNativeBodies() throws {
        let llama = try #require(
            record(#"{"schemaType":"ModelInvocationLog","timestamp":"2026-06-03T14:05:02Z","identity":{"arn":"arn:x"},"input":{"inputBodyJson":{"prompt":"Tell me a story","max_gen_len":2048}}}"#))
        #expect(llama.prompt == "Tell me a story" && llama.maxTokens == 2048)
        let titan = try #require(
            record(
                #"{"schemaType":"ModelInvocationLog","timestamp":"2026-06-03T14:05:02Z","identity":{"arn":"arn:x"},"input":{"inputBodyJson":{"inputText":"Hello","textGenerationConfig":{"maxTokenCount":512}}}}"#
            ))
        #expect(titan.prompt == "Hello" && titan.maxTokens == 512)
    }

    @Test func schemaMappingReadsDottedPaths() throws {
        var o = DecodeOptions()
        o.schema = try SchemaMapping(json: Array(#"{"account_id":"actor.id","ts":"meta.when","messages":"req.body.messages","ip":"net.src"}"#.utf8), file: "s.json")
        o.format = .mapped
        let r = try #require(
            record(#"{"actor":{"id":"u7"},"meta":{"when":"2026-06-03T00:00:00Z"},"net":{"src":"10.0.0.1"},"req":{"body":{"messages":[{"role":"user","content":"hey"}]}},"model":"m"}"#, o))
        #expect(r.account == "u7" && r.ip == "10.0.0.1" && r.prompt == "hey" && r.model == "m")
    }

    @Test func schemaMappingRejectsUnknownFields() {
        #expect(throws: SchemaMapping.Invalid.self) { try SchemaMapping(json: Array(#"{"acount":"a"}"#.utf8), file: "s.json") }
        #expect(throws: SchemaMapping.Invalid.self) { try SchemaMapping(json: Array(#"{"ip":"a"}"#.utf8), file: "s.json") }
    }

    /// Per-file format counts are kept by position: a new case must get its own.
    @Test func everyFormatHasItsOwnPosition() {
        #expect(LogFormat.allCases.enumerated().allSatisfy { $0.offset == $0.element.position })
    }
    /// The format is told during the canonical pass over the keys (no pass of its own):
    /// `modelId` alone is only the model's alias; with `identity` it marks Bedrock, as
    /// `schemaType` does alone; a LiteLLM key marks LiteLLM however many canonical aliases
    /// the line also has; an escaped key never marks a format.
    @Test func formatKeysAreSeenInTheCanonicalPass() throws {
        let canonical = try #require(record(#"{"ts":1785542400,"account_id":"a1","modelId":"m-1"}"#))
        #expect(canonical.format == .canonical && canonical.model == "m-1")
        let bedrock = try #require(record(#"{"timestamp":"2026-06-03T14:05:02Z","identity":{"arn":"arn:x"},"modelId":"m","account_id":"a1"}"#))
        #expect(bedrock.format == .bedrock && bedrock.account == "arn:x")
        let schemaType = try #require(record(#"{"schemaType":"ModelInvocationLog","timestamp":"2026-06-03T14:05:02Z","identity":{"arn":"arn:y"}}"#))
        #expect(schemaType.format == .bedrock && schemaType.account == "arn:y")
        let litellm = try #require(record(#"{"ts":1785542400,"account_id":"a1","call_type":"completion","startTime":1780495340.5,"metadata":{"user_api_key_user_id":"user_43"}}"#))
        #expect(litellm.format == .litellm && litellm.account == "user_43")
        let escaped = try #require(record(#"{"ts":1785542400,"account_id":"a1","call\u005ftype":"completion"}"#))
        #expect(escaped.format == .canonical && escaped.account == "a1")
    }
}
