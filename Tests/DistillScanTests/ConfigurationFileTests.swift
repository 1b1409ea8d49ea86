import DistillLink
import DistillProfile
import DistillScore
import Foundation
import Testing

@testable import DistillScan

/// One configuration front door: `config dump`, `--config FILE`, and the manifest's record.
@Suite("configuration file", .serialized)
struct ConfigurationFileTests {
    func read(_ json: String) throws -> AnalysisParameters { try AnalysisParameters.read(Array(json.utf8), file: "c.json") }
    func problem(_ json: String) -> String? {
        do { _ = try AnalysisParameters.read(Array(json.utf8), file: "c.json"); return nil } catch { return error.description }
    }

    @Test func theDumpReadsBackAsTheDefaultsAndNamesEveryParameterOnce() throws {
        let p = try read(AnalysisParameters().json())
        #expect(p.changes.isEmpty)
        let names = p.listed.map(\.0)
        #expect(Set(names).count == names.count)
        #expect(names.count == DecodeOptionsCount.value + ProfileParameters.fields.count + LinkParameters.fields.count + ScoreParameters.fields.count)
        #expect(names.contains("edge_threshold") && names.contains("max_line_bytes") && names.contains("low_score"))
    }

    @Test func aPartialFileSetsOnlyWhatItNames() throws {
        let p = try read(#"{"version": 1, "link": {"edge_threshold": 3.5}, "score": {"low_score": 40}}"#)
        #expect(p.link.edgeThreshold == 3.5 && p.score.lowScore == 40)
        #expect(p.changes.map(\.name) == ["edge_threshold", "low_score"])
        #expect(p.profile == ProfileParameters())
    }

    @Test func mistakesAreRefusedNamingTheKey() {
        #expect(problem(#"{"version": 1, "link": {"edge_treshold": 3}}"#)?.contains("unknown parameter link.edge_treshold (did you mean edge_threshold?)") == true)
        #expect(problem(#"{"version": 2}"#)?.contains("\"version\" must be 1") == true)
        #expect(problem(#"{"link": {}}"#)?.contains("\"version\" must be 1") == true)
        #expect(problem(#"{"version": 1, "linking": {}}"#)?.contains("unknown section \"linking\"") == true)
        #expect(problem(#"{"version": 1, "link": {"edge_threshold": true}}"#)?.contains("link.edge_threshold must be a number") == true)
        #expect(problem(#"{"version": 1, "link": {"ip_hub_share": 2}}"#)?.contains("ip_hub_share must be between 0 and 1") == true)
        #expect(problem(#"{"version": 1, "profile": {"ip_sketch": 2.5}}"#)?.contains("whole number") == true)
        #expect(problem(#"{"version": 1, "link": {"lsh_bands": 5}}"#)?.contains("must divide") == true)
        #expect(problem(#"{"version": 1, "score": {"medium_score": 90}}"#)?.contains("must rise") == true)
        #expect(problem("not json")?.contains("c.json") == true)
    }

    @Test func dumpPipedIntoAnalyzeGivesTheDefaultReport() throws {
        let base = ["analyze", "Fixtures/litellm/logs", "--accounts", "Fixtures/litellm/accounts.jsonl", "--format", "json", "--quiet"]
        let (dumpCode, dump, _) = try Fixture.run(["config", "dump"])
        #expect(dumpCode == 0)
        let (code, viaConfig, _) = try Fixture.run(base + ["--config", "-"], stdin: Data(dump.utf8))
        let (_, plain, _) = try Fixture.run(base)
        #expect(code == 0 && !plain.isEmpty && viaConfig == plain)
        #expect(plain.contains("\"parameters_changed\": []"))
    }

    @Test func aChangedParameterIsRecordedAndChangesTheResult() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("cfg-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("strict.json").path
        try Data(#"{"version": 1, "score": {"low_score": 95, "medium_score": 96, "high_score": 97, "critical_score": 98}}"#.utf8).write(to: URL(fileURLWithPath: file))
        let base = ["analyze", "Fixtures/litellm/logs", "--accounts", "Fixtures/litellm/accounts.jsonl", "--format", "json", "--quiet"]
        let (_, plain, _) = try Fixture.run(base)
        let (code, strict, _) = try Fixture.run(base + ["--config", file])
        #expect(code == 0)
        func campaigns(_ s: String) throws -> Int {
            let o = try #require(try JSONSerialization.jsonObject(with: Data(s.utf8)) as? [String: Any])
            return (o["campaigns"] as? [Any])?.count ?? -1
        }
        #expect(try campaigns(plain) > campaigns(strict))
        #expect(strict.contains("\"name\": \"low_score\""))
        #expect(strict.contains("\"default\": 35"))
        let (_, md, _) = try Fixture.run(Array(base.dropLast(3)) + ["--quiet", "--config", file])
        #expect(md.contains("parameters changed from the defaults (--config): critical_score 98 (default 80)"))
    }

    @Test func aBadConfigurationFileIsOneLineAndExitTwo() throws {
        let (code, out, err) = try Fixture.run(["analyze", "Fixtures/litellm/logs", "--config", "-"], stdin: Data(#"{"version": 1, "link": {"nope": 1}}"#.utf8))
        #expect(code == 2 && out.isEmpty)
        #expect(err.contains("unknown parameter link.nope"))
        let (checkCode, _, checkErr) = try Fixture.run(["config", "check", "/nonexistent/c.json"])
        #expect(checkCode == 2 && checkErr.contains("/nonexistent/c.json: cannot read the file"))
        let (okCode, okOut, _) = try Fixture.run(["config", "check", "-"], stdin: Data(#"{"version": 1, "link": {"edge_threshold": 2.5}}"#.utf8))
        #expect(okCode == 0 && okOut.contains("edge_threshold = 2.5 (default 2)"))
    }

    @Test func timingsAndEdgeDumpAreFlags() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("edges-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let edges = dir.appendingPathComponent("edges.tsv").path
        let (code, _, err) = try Fixture.run([
            "analyze", "Fixtures/litellm/logs", "--accounts", "Fixtures/litellm/accounts.jsonl",
            "--format", "json", "--timings", "--dump-edges", edges,
        ])
        #expect(code == 0)
        #expect(err.contains("distillscan: link "))
        let tsv = try String(contentsOfFile: edges, encoding: .utf8)
        let lines = tsv.split(separator: "\n")
        #expect(lines.first?.hasPrefix("a\tb\ttotal\t") == true)
        #expect(lines.count > 1)
        #expect(lines.allSatisfy { $0.split(separator: "\t", omittingEmptySubsequences: false).count == lines[0].split(separator: "\t").count })
    }

    @Test func edgeDumpFieldsEscapeTabsAndLineBreaksFromAccountIds() {
        #expect(EdgeDump.field("a\tb\nc\\d\u{1B}") == "a\\tb\\nc\\\\d\\x1b")
        #expect(EdgeDump.field("plain") == "plain")
    }
}

/// The decode section's size, read from its table (the test must not hard-code it).
enum DecodeOptionsCount {
    static var value: Int { AnalysisParameters().decode.listed.count }
}
