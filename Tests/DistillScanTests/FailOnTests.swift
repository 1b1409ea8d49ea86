import Testing

/// Issue 19: `--fail-on` was checked after `--min-severity` had hidden the finding.
@Suite("--fail-on decides on every finding", .serialized)
struct FailOnTests {
    /// This window of the demo corpus holds high and medium campaigns, nothing critical.
    let base = [
        "analyze", "Fixtures/demo/logs", "--accounts", "Fixtures/demo/accounts.jsonl",
        "--since", "2026-01-29T09:00:00Z", "--until", "2026-01-29T09:45:00Z",
        "--format", "ndjson", "--quiet", "--threads", "2",
    ]

    @Test func failOnCountsFindingsThatMinSeverityHides() throws {
        let (all, out, _) = try Fixture.run(base + ["--fail-on", "medium"])
        #expect(all == 1 && out.contains("\"severity\":\"high\"") && !out.contains("\"severity\":\"critical\""))
        let (code, hidden, _) = try Fixture.run(base + ["--fail-on", "medium", "--min-severity", "critical"])
        #expect(hidden.isEmpty)
        #expect(code == 1)
    }
}
