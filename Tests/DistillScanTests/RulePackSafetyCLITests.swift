import DistillTestSupport
import Foundation
import Testing

/// Issue 19: `rules lint` accepted `(a+)+$` and `analyze --rules` then ran it for minutes.
@Suite("hostile rule packs are refused by the command line", .serialized)
struct RulePackSafetyCLITests {
    func hostilePack(_ dir: TempDir) -> String {
        dir.write(
            "evil.json",
            #"""
            {"name": "evil", "version": "1", "rules": [{"id": "evil-rule", "tag": "reasoning", "description": "backtracks",
              "regex": ["(a+)+$"], "examples": {"match": ["aaaa"], "no_match": ["aaaaaaaaaaaaaaaaaaaaaaaaa!"]}}]}
            """#)
    }

    @Test func lintRefusesNestedQuantifiersNamingTheRule() throws {
        let dir = TempDir()
        let (code, _, err) = try Fixture.run(["rules", "lint", hostilePack(dir)])
        #expect(code == 2)
        #expect(err.contains("evil-rule") && err.contains("nested quantifiers"))
    }

    @Test func analyzeRefusesThePackBeforeReadingAnything() throws {
        let dir = TempDir()
        let (code, _, err) = try Fixture.run(["analyze", "Fixtures/demo/logs", "--rules", hostilePack(dir), "--quiet"])
        #expect(code == 2)
        #expect(err.contains("evil-rule") && err.contains("nested quantifiers"))
    }
}
