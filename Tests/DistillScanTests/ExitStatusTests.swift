import Foundation
import Testing

/// One error-to-exit map: an input that cannot be read ends every subcommand with 3, a
/// usage or configuration error with 2, each with one line saying what to do.
@Suite("exit statuses", .serialized)
struct ExitStatusTests {
    func scratch() throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("exit-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        return dir
    }

    /// Regression: `templates` on an unreadable input exited 2 as if the command line were wrong.
    @Test func templatesOnAnUnreadableInputExitsThree() throws {
        let dir = try scratch()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let cut = dir + "/cut.log.gz"
        let whole = try Data(
            contentsOf: URL(fileURLWithPath: Fixture.path("Fixtures/litellm/logs")).appendingPathComponent(
                try #require(FileManager.default.contentsOfDirectory(atPath: Fixture.path("Fixtures/litellm/logs")).sorted().first)))
        try whole.prefix(whole.count / 2).write(to: URL(fileURLWithPath: cut))
        let (code, _, err) = try Fixture.run(["templates", cut])
        #expect(code == 3)
        #expect(err.contains("cut.log.gz") && err.split(separator: "\n").count == 1)
    }

    /// Regression: `eval` with a report that cannot be read exited 2.
    @Test func evalWithAMissingReportExitsThreeAndWithANonReportTwo() throws {
        let dir = try scratch()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let (missing, _, err) = try Fixture.run(["eval", dir + "/none.json", dir + "/truth.json"])
        #expect(missing == 3 && err.contains("none.json: cannot read the file"))
        try Data("{}".utf8).write(to: URL(fileURLWithPath: dir + "/empty.json"))
        let (notReport, _, err2) = try Fixture.run(["eval", dir + "/empty.json", dir + "/empty.json"])
        #expect(notReport == 2 && err2.contains("no \"campaigns\" list"))
    }

    /// Regression: `synth --human-prompts` naming a missing file exited 2.
    @Test func synthWithUnreadableHumanPromptsExitsThree() throws {
        let dir = try scratch()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let (code, _, err) = try Fixture.run(["synth", dir + "/out", "--accounts", "20", "--days", "1", "--human-prompts", dir + "/none.jsonl"])
        #expect(code == 3 && err.contains("none.jsonl: cannot read the file"))
    }
}
