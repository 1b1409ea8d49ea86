import Testing

/// Issue 19: `--fail-on` was checked after `--min-severity` had hidden the finding.
@Suite("--fail-on decides on every finding", .serialized)
struct FailOnTests {
    /// The demo corpus's first two hours hold high and medium campaigns, nothing critical.
    let base = ["analyze", "Fixtures/demo/logs", "--accounts", "Fixtures/demo/accounts.jsonl", "--until", "2026-01-27T02:00:00Z",
                "--format", "ndjson", "--quiet", "--threads", "2"]

    @Test func failOnCountsFindingsThatMinSeverityHides() throws {
        let (all, out, _) = try Fixture.run(base + ["--fail-on", "medium"])
        #expect(all == 1 && out.contains("\"severity\":\"high\"") && !out.contains("\"severity\":\"critical\""))
        let (code, hidden, _) = try Fixture.run(base + ["--fail-on", "medium", "--min-severity", "critical"])
        #expect(hidden.isEmpty)
        #expect(code == 1)
    }
}
