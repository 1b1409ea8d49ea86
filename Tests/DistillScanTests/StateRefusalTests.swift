import DistillTestSupport
import Foundation
import Testing

/// Damaged, truncated, foreign, newer and mismatched state files are refused with one
/// line naming the file and exit 2, and nothing is written (issue 15).
@Suite("state files: refusals", .serialized)
struct StateRefusalTests {
    /// `distillscan profile ARGS -o OUT` (inputs may be incomplete: exit 3 is fine).
    @discardableResult
    static func profile(_ args: [String], _ out: String) throws -> String {
        let (code, _, err) = try Fixture.run(["profile"] + args + ["-o", out, "--quiet", "--threads", "1"])
        #expect(code == 0 || code == 3, "\(err)")
        return out
    }

    static func read(_ path: String) -> [UInt8] { [UInt8](FileManager.default.contents(atPath: path) ?? Data()) }

    /// Three small logs with different accounts.
    static func logs(_ dir: TempDir) -> [String] {
        ["x", "y", "z"].map { name in
            dir.write(
                "\(name).jsonl",
                (0..<20).map { i in
                    #"{"ts": "2026-06-0\#(i % 3 + 1)T00:00:\#(10 + i)Z", "account_id": "\#(name)-\#(i % 4)", "messages": [{"role": "user", "content": "write \#(name) \#(i)"}], "max_tokens": 8000}"#
                }.joined(separator: "\n") + "\n")
        }
    }

    @Test func damagedTruncatedForeignAndNewerStatesAreRefusedNamingTheFile() throws {
        let dir = TempDir()
        let good = try Self.profile([Self.logs(dir)[0]], dir.path + "/good.state")
        let bytes = Self.read(good)
        var damaged = bytes
        damaged[bytes.count - 10] ^= 0x40
        var newer = bytes
        newer[8] = 99
        let cases: [(name: String, content: [UInt8], message: String, stateToAnalyze: Bool)] = [
            ("damaged", damaged, "damaged state file (its checksum does not match", true),
            ("truncated", Array(bytes.prefix(bytes.count - 100)), "truncated state file", true),
            ("header-cut", Array(bytes.prefix(5)), "truncated state file", false),
            ("foreign", Array(#"{"ts": 1}"#.utf8), "not a distillscan state file", false),
            ("newer", newer, "state format version 99, this distillscan reads version 1", true),
        ]
        for c in cases {
            let path = dir.write(c.name + ".state", c.content)
            let out = dir.path + "/out-\(c.name).state"
            let (code, _, err) = try Fixture.run(["merge", good, path, "-o", out])
            #expect(code == 2, "\(c.name)")
            #expect(err.contains(c.message) && err.contains(path), "\(c.name): \(err)")
            #expect(err.split(separator: "\n").count == 1, "\(c.name): one line")
            #expect(!FileManager.default.fileExists(atPath: out), "\(c.name): nothing written")
            if c.stateToAnalyze {
                // `analyze` tells a state by its header: a damaged one is refused, not read as a log.
                let (acode, aout, aerr) = try Fixture.run(["analyze", good, path, "--format", "json"])
                #expect(acode == 2 && aout.isEmpty && aerr.contains(c.message), "\(c.name): \(aerr)")
            }
        }
    }

    @Test func statesMadeWithOtherParametersRulePacksOrAccountsFilesAreRefusedSayingWhich() throws {
        let dir = TempDir()
        let log = Self.logs(dir)[0], other = Self.logs(dir)[1]
        let good = try Self.profile([log], dir.path + "/good.state")
        let pack = dir.write(
            "pack.json",
            #"""
            {"name": "team", "version": "1", "rules": [{"id": "team-rule", "tag": "reasoning", "description": "asks for reasoning",
              "phrases": ["show your reasoning"], "examples": {"match": ["please show your reasoning"], "no_match": ["hello"]}}]}
            """#)
        let cases: [([String], String)] = [
            (["--max-depth", "32"], "max_depth (64 and 32)"),
            (["--since", "2026-06-02"], "since (none and"),
            (["--rules", pack], "different rule packs"),
        ]
        for (flags, message) in cases {
            let odd = try Self.profile([other] + flags, dir.path + "/odd.state")
            let (code, _, err) = try Fixture.run(["merge", good, odd, "-o", dir.path + "/m.state"])
            #expect(code == 2 && err.contains(message) && err.contains(good) && err.contains(odd), "\(flags): \(err)")
        }
        let a = try Self.profile([log, "--accounts", "Fixtures/demo/accounts.jsonl"], dir.path + "/a.state")
        let b = try Self.profile([other, "--accounts", "Fixtures/bedrock/accounts.jsonl"], dir.path + "/b.state")
        let (code, _, err) = try Fixture.run(["merge", a, b, "-o", dir.path + "/m.state"])
        #expect(code == 2 && err.contains("different accounts files"), "\(err)")
        // Options that only profiling uses are refused when there are only states to analyse.
        let (scode, _, serr) = try Fixture.run(["analyze", good, "--since", "2026-06-01"])
        #expect(scode == 2 && serr.contains("--since is fixed when a state is made"), "\(serr)")
    }

    @Test func theSameInputInTwoStatesIsCountedOnceAndPartlySharedStatesAreRefused() throws {
        let dir = TempDir()
        let (x, y, z) = {
            let l = Self.logs(dir); return (l[0], l[1], l[2])
        }()
        let xy = try Self.profile([x, y], dir.path + "/xy.state")
        let again = try Self.profile([x, y], dir.path + "/again.state")
        let onlyY = try Self.profile([y], dir.path + "/y.state")
        let yz = try Self.profile([y, z], dir.path + "/yz.state")
        // A retried task's duplicate, or a state inside another: the merge is the larger state itself.
        for extra in [again, onlyY] {
            let out = dir.path + "/dup.state"
            let (code, _, err) = try Fixture.run(["merge", xy, extra, "-o", out])
            #expect(code == 0 && err.contains("counted once"), "\(err)")
            #expect(Self.read(out) == Self.read(xy))
        }
        let (code, _, err) = try Fixture.run(["merge", xy, yz, "-o", dir.path + "/bad.state"])
        #expect(code == 2 && err.contains("both hold input") && err.contains(y), "\(err)")
    }

    @Test func statesAndLogsMixedGiveTheReportOfAllTheLogs() throws {
        let dir = TempDir()
        let l = Self.logs(dir)
        let xState = try Self.profile([l[0]], dir.path + "/x.state")
        let accounts = ["--accounts", "Fixtures/demo/accounts.jsonl"]
        let (c1, direct, _) = try Fixture.run(["analyze", l[0], l[1], l[2], "--format", "json", "--quiet"] + accounts)
        let (c2, mixed, e2) = try Fixture.run(["analyze", xState, l[1], l[2], "--format", "json", "--quiet"] + accounts)
        #expect(c1 == 0 && c2 == 0, "\(e2)")
        #expect(Self.withoutCommandLine(direct) == Self.withoutCommandLine(mixed))
        #expect(Self.withoutCommandLine(direct).contains("\"sha256\""))
    }

    @Test func aStateGivenToProfileIsRefusedNotReadAsALog() throws {
        let dir = TempDir()
        let state = try Self.profile([Self.logs(dir)[0]], dir.path + "/s.state")
        let (code, _, err) = try Fixture.run(["profile", state, "-o", dir.path + "/again.state"])
        #expect(code == 2 && err.contains("is a state file, not a log"), "\(err)")
    }

    /// The report with its manifest's command line removed (the one part that says how the run was made).
    static func withoutCommandLine(_ json: String) -> String {
        json.replacing(/"command_line":\s*\[[^\]]*\]/, with: "")
    }
}
