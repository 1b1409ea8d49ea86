import Foundation
import Testing

/// The command line as CI and investigators use it: exit codes, streams, golden reports.
@Suite("command line", .serialized)
struct CLITests {
    static let recording = ProcessInfo.processInfo.environment["DISTILLSCAN_RECORD"] == "1"

    func golden(_ name: String, _ actual: String) throws {
        let path = Fixture.path("Tests/DistillScanTests/Golden/" + name)
        if Self.recording {
            try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            #expect(FileManager.default.createFile(atPath: path, contents: Data(actual.utf8)))
            return
        }
        let expected = try #require(FileManager.default.contents(atPath: path), "missing golden \(name); run DISTILLSCAN_RECORD=1 make test")
        #expect(String(decoding: expected, as: UTF8.self) == actual, "\(name) differs; if intended, re-record with DISTILLSCAN_RECORD=1 make test")
    }

    @Test func goldenMarkdownAndJSONOfTheDemoCorpus() throws {
        let args = ["analyze", "Fixtures/demo/logs", "--accounts", "Fixtures/demo/accounts.jsonl", "--threads", "2"]
        let (code, md, _) = try Fixture.run(args)
        #expect(code == 0)
        try golden("demo.md", md)
        let (_, json, _) = try Fixture.run(args + ["--format", "json"])
        try golden("demo.json", json)
    }

    /// Separate processes (hash seeds differ), different thread counts, files in another order.
    @Test func reportsAreByteIdenticalAcrossProcessesThreadsAndFileOrder() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Fixture.path("Fixtures/bedrock/logs")).sorted().map { "Fixtures/bedrock/logs/" + $0 }
        let (_, a, _) = try Fixture.run(["analyze"] + files + ["--accounts", "Fixtures/bedrock/accounts.jsonl", "--format", "json", "--threads", "1", "--quiet"])
        let (_, b, _) = try Fixture.run(["analyze"] + files.reversed() + ["--threads", "3", "--accounts", "Fixtures/bedrock/accounts.jsonl", "--format", "json", "--no-progress"])
        #expect(!a.isEmpty && a == b)
    }

    @Test func failOnGivesExitOneAndMinSeverityFilters() throws {
        let base = ["analyze", "Fixtures/litellm/logs", "--accounts", "Fixtures/litellm/accounts.jsonl", "--quiet"]
        #expect(try Fixture.run(base + ["--fail-on", "high", "--format", "ndjson"]).0 == 1)
        let (code, out, err) = try Fixture.run(base + ["--min-severity", "critical", "--format", "ndjson"])
        #expect(code == 0)
        #expect(err.isEmpty)
        #expect(!out.isEmpty && out.split(separator: "\n").allSatisfy { $0.contains("\"severity\":\"critical\"") })
    }

    @Test func usageErrorsExitTwoWithAMessage() throws {
        let (code, _, err) = try Fixture.run(["analyze", "Fixtures/demo/logs", "--format", "pdf"])
        #expect(code == 2 && err.contains("--format"))
        let (code2, _, err2) = try Fixture.run(["analyze", "/no/such/dir"])
        #expect(code2 == 2 && err2.contains("/no/such/dir"))
        let (code3, _, _) = try Fixture.run(["analyze", "Fixtures/demo/logs", "--since", "yesterday"])
        #expect(code3 == 2)
    }

    @Test func unreadableInputExitsThreeAndTheReportSaysIncomplete() throws {
        let dir = NSTemporaryDirectory() + "ds-cli-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let day = try FileManager.default.contentsOfDirectory(atPath: Fixture.path("Fixtures/litellm/logs")).sorted()[0]
        let full = try #require(FileManager.default.contents(atPath: Fixture.path("Fixtures/litellm/logs/" + day)))
        #expect(FileManager.default.createFile(atPath: dir + "/cut.jsonl.gz", contents: full.prefix(full.count / 2)))
        let (code, out, err) = try Fixture.run(["analyze", dir, "--format", "json"])
        #expect(code == 3)
        #expect(out.contains("\"complete\": false"))
        #expect(err.contains("cut.jsonl.gz") && err.contains("truncated"))
    }

    @Test func redactMasksAddressesPaymentAndPromptText() throws {
        let base = ["analyze", "Fixtures/demo/logs", "--accounts", "Fixtures/demo/accounts.jsonl", "--format", "json", "--quiet"]
        let (_, plain, _) = try Fixture.run(base)
        let (code, redacted, _) = try Fixture.run(base + ["--redact"])
        #expect(code == 0)
        let card = try #require(plain.range(of: #""value": "pm_[0-9a-f]+""#, options: .regularExpression).map { String(plain[$0]) })
        #expect(!redacted.contains(card))
        #expect(redacted.range(of: #""value": "\d+\.\d+\.\d+\.\d+""#, options: .regularExpression) == nil)
        let sample = try #require(plain.range(of: #""samples": \[\s+"[^"]+""#, options: .regularExpression).map { String(plain[$0]) })
        #expect(!redacted.contains(sample))
        #expect(redacted.contains("\"samples\": []"))
    }

    @Test func dotIsAGraphOfCampaignsAccountsAndSharedInfrastructure() throws {
        let (code, dot, _) = try Fixture.run(["analyze", "Fixtures/demo/logs", "--accounts", "Fixtures/demo/accounts.jsonl", "--format", "dot", "--quiet"])
        #expect(code == 0)
        #expect(dot.hasPrefix("graph distillscan {") && dot.hasSuffix("}\n"))
        #expect(dot.contains("subgraph \"cluster_C-") && dot.contains("-- \"acct:"))
    }

    @Test func stdinAndInspectWork() throws {
        let line = #"{"ts":"2026-06-03T14:02:11Z","account_id":"a1","messages":[{"role":"user","content":"hi"}]}"# + "\n"
        let (code, out, _) = try Fixture.run(["inspect", "-", "--format", "json"], stdin: Data((line + line + "oops\n").utf8))
        #expect(code == 0)
        #expect(out.contains("\"records\": 2") && out.contains("\"malformed\": 1"))
    }

    @Test func markdownNeverCarriesActiveContentFromTheLogs() throws {
        let dir = NSTemporaryDirectory() + "ds-xss-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let nasty =
            "<script>alert(1)</script> \\u001b[31m# Heading | a | b ``` fence [x](javascript:y) Think it through step by step and write out your complete reasoning before the final answer. Use Markdown headings. Problem "
        var lines = ""
        for a in 0..<6 {
            for i in 0..<30 {
                lines +=
                    #"{"ts":\#(1_780_000_000 + i * 7000 + a * 13),"account_id":"evil\#(a)<img src=x>","ip":"198.51.100.7","user_agent":"bot\u001b[2J","max_tokens":8192,"output_tokens":8192,"messages":[{"role":"user","content":"\#(nasty)\#(i * 97 + a)"}]}"#
                    + "\n"
            }
        }
        #expect(FileManager.default.createFile(atPath: dir + "/x.jsonl", contents: Data(lines.utf8)))
        let (_, md, _) = try Fixture.run(["analyze", dir])
        #expect(md.contains("Campaign"))
        #expect(!md.contains("<script") && !md.contains("<img"))
        #expect(!md.contains("\u{1B}"))
        #expect(!md.contains("](javascript"))
        #expect(!md.split(separator: "\n").contains { $0.hasPrefix("# Heading") })
    }
}
