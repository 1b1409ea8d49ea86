import DistillInput
import DistillReport
import DistillTestSupport
import Foundation
import Testing

/// Issue 17: the command-line conventions, each checked on the built binary.
@Suite("command-line conventions", .serialized)
struct CLIConventionsTests {
    static let demo = ["Fixtures/demo/logs", "--accounts", "Fixtures/demo/accounts.jsonl"]

    @Test func fixedValueOptionsAreListedInHelpAndCompletion() throws {
        let (_, help, _) = try Fixture.run(["analyze", "--help"])
        #expect(help.contains("markdown") && help.contains("html") && help.contains("critical") && help.contains("bedrock"))
        let (code, bash, _) = try Fixture.run(["--generate-completion-script", "bash"])
        #expect(code == 0)
        #expect(bash.contains("html") && bash.contains("critical") && bash.contains("litellm"))
        let (_, zsh, _) = try Fixture.run(["--generate-completion-script", "zsh"])
        #expect(zsh.contains("_files"))
    }

    @Test func versionNamesTheCommit() throws {
        let (code, out, _) = try Fixture.run(["--version"])
        #expect(code == 0)
        #expect(out.range(of: #"^\d+\.\d+\.\d+ \(commit ([0-9a-f]{7,}(-dirty)?|unknown)\)\n$"#, options: .regularExpression) != nil, "\(out)")
    }

    /// Was: an unusable -o failed only after the whole scan.
    @Test func outputIsCheckedBeforeTheScan() throws {
        let (code, out, err) = try Fixture.run(["analyze"] + Self.demo + ["-o", "/no/such/dir/report.md"])
        #expect(code == 2 && out.isEmpty)
        #expect(err.contains("/no/such/dir") && !err.contains("campaign(s)"))
        #expect(err.split(separator: "\n").count == 1)
        let dir = TempDir()
        let (code2, _, err2) = try Fixture.run(["analyze"] + Self.demo + ["-o", dir.path])
        #expect(code2 == 2 && err2.contains("directory"))
    }

    @Test func outputIntoAnUnwritableDirectoryFailsFirst() throws {
        let dir = TempDir()
        let locked = dir.path + "/locked"
        try FileManager.default.createDirectory(atPath: locked, withIntermediateDirectories: false, attributes: [.posixPermissions: 0o555])
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: dir.path)
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/setpriv")
        p.arguments = ["--reuid=65534", "--regid=65534", "--clear-groups", Fixture.binary, "inspect", Fixture.path("Fixtures/demo/logs"), "-o", locked + "/r.md"]
        let err = Pipe()
        p.standardError = err
        p.standardOutput = FileHandle.nullDevice
        try p.run()
        let text = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        #expect(p.terminationStatus == 2, "\(text)")
        #expect(text.contains("locked") && text.contains("Permission denied"))
    }

    @Test func dashIsStandardOutput() throws {
        let (code, out, _) = try Fixture.run(["analyze"] + Self.demo + ["--format", "ndjson", "-o", "-", "--quiet"])
        #expect(code == 0 && out.contains("\"schema_version\":1"))
        #expect(!FileManager.default.fileExists(atPath: Fixture.path("-")))
    }

    @Test func theSameFileTwiceIsReadOnceAndSaid() throws {
        let day = try FileManager.default.contentsOfDirectory(atPath: Fixture.path("Fixtures/demo/logs")).sorted()[0]
        let a = "Fixtures/demo/logs/" + day, b = "./Fixtures/demo/logs/" + day
        let (code, out, err) = try Fixture.run(["analyze", a, b, "--format", "json", "--no-progress"])
        #expect(code == 0)
        #expect(err.contains("same file") && err.contains("read once"))
        #expect(out.components(separatedBy: "\"sha256\":").count - 1 == 2)  // one input file (+ the rule pack)
    }

    /// Was: a wrong --input-format rejected nearly every line and the run said "no
    /// coordinated campaign" with exit 0.
    @Test func mostlyRejectedInputExitsThreeAndNamesTheFix() throws {
        let (code, _, err) = try Fixture.run(["analyze", "Fixtures/demo/logs", "--input-format", "bedrock", "--format", "json", "-o", "/dev/null"])
        #expect(code == 3, "\(err)")
        #expect(err.contains("were rejected") && err.contains("--input-format"))
        let (qcode, _, qerr) = try Fixture.run(["analyze", "Fixtures/demo/logs", "--input-format", "bedrock", "--quiet", "-o", "/dev/null"])
        #expect(qcode == 3 && qerr.contains("were rejected"))
    }

    /// Precedence (docs/usage.md): a --fail-on finding exits 1 even on incomplete input;
    /// the message says both.
    @Test func failOnAndIncompleteInputSayBoth() throws {
        let dir = TempDir()
        for day in try FileManager.default.contentsOfDirectory(atPath: Fixture.path("Fixtures/demo/logs")) {
            let data = try #require(FileManager.default.contents(atPath: Fixture.path("Fixtures/demo/logs/" + day)))
            dir.write("logs/" + day, [UInt8](data))
        }
        let full = try #require(
            FileManager.default.contents(atPath: Fixture.path("Fixtures/litellm/logs/") + (try FileManager.default.contentsOfDirectory(atPath: Fixture.path("Fixtures/litellm/logs")).sorted()[0])))
        dir.write("logs/cut.jsonl.gz", [UInt8](full.prefix(full.count / 2)))
        let (code, _, err) = try Fixture.run(["analyze", dir.path + "/logs", "--accounts", "Fixtures/demo/accounts.jsonl", "--fail-on", "high", "-o", "/dev/null", "--quiet"])
        #expect(code == 1)
        #expect(err.contains("--fail-on high") && err.contains("not fully usable") && err.contains("cut.jsonl.gz"))
    }

    @Test func errorsAreOneLineWithoutTheUsage() throws {
        for args in [
            ["analyze", "Fixtures/demo/logs", "--format", "pdf"], ["analyze", "--bogus"], ["analyze", "/no/such/dir"],
            ["analyze", "Fixtures/demo/logs", "--redact-key", "/no/such/key", "--redact"], ["analyze", "Fixtures/demo/logs", "--campaign", "C-1"],
        ] {
            let (code, _, err) = try Fixture.run(args)
            #expect(code == 2, "\(args)")
            #expect(err.split(separator: "\n").count == 1 && err.hasPrefix("Error: ") && !err.contains("USAGE") && !err.contains("Usage:"), "\(args): \(err)")
        }
    }

    @Test func synthRefusesANonEmptyDirectoryUnlessForced() throws {
        let dir = TempDir()
        dir.write("keep.txt", "mine")
        let args = ["synth", dir.path, "--accounts", "20", "--days", "1"]
        let (code, _, err) = try Fixture.run(args)
        #expect(code == 2 && err.contains("not empty") && err.contains("--force"))
        #expect(!FileManager.default.fileExists(atPath: dir.path + "/logs"))
        let (code2, _, _) = try Fixture.run(args + ["--force"])
        #expect(code2 == 0 && FileManager.default.fileExists(atPath: dir.path + "/truth.json") && FileManager.default.fileExists(atPath: dir.path + "/keep.txt"))
    }

    @Test func inspectQuietSaysNothingOnStderr() throws {
        let (code, out, err) = try Fixture.run(["inspect", "Fixtures/demo/logs", "--quiet"])
        #expect(code == 0 && !out.isEmpty && err.isEmpty)
        let (_, _, loud) = try Fixture.run(["inspect", "Fixtures/demo/logs"])
        #expect(loud.contains("malformed"))
    }

    @Test func redactKeyFileMustHoldAKey() throws {
        let dir = TempDir()
        let short = dir.write("short.key", "abc")
        let (code, _, err) = try Fixture.run(["analyze"] + Self.demo + ["--redact", "--redact-key", short])
        #expect(code == 2 && err.contains("at least 16"))
        let (code2, _, err2) = try Fixture.run(["analyze"] + Self.demo + ["--redact-key", short])
        #expect(code2 == 2 && err2.contains("--redact"))
    }

    /// A redacted report holds no raw card, domain or IP of the input; with the same key
    /// file two runs agree, and without it (a random key) the hashes differ.
    @Test func redactedReportConfirmsNoGuessedDomainOrCard() throws {
        let dir = TempDir()
        let key = dir.write("k", Array(repeating: UInt8(7), count: 32))
        let base = ["analyze"] + Self.demo + ["--format", "json", "--quiet"]
        let (_, plain, _) = try Fixture.run(base)
        let (code, red, _) = try Fixture.run(base + ["--redact", "--redact-key", key, "--pseudonymous-accounts"])
        #expect(code == 0)
        let cards = Set(plain.matches(of: /"(pm_[0-9a-f]+)"/).map { String($0.1) })
        let domains = Set(plain.matches(of: /"email_domain": "([^"]+)"/).map { String($0.1) })
        let ips = Set(plain.matches(of: /"top_ip": "([^"]+)"/).map { String($0.1) })
        let accounts = Set(plain.matches(of: /"account": "([^"]+)"/).map { String($0.1) })
        #expect(!cards.isEmpty && !domains.isEmpty && !ips.isEmpty && !accounts.isEmpty)
        for v in cards.union(domains).union(ips) { #expect(!red.contains("\"\(v)\""), "\(v) is in the redacted report") }
        for a in accounts { #expect(!red.contains("\"\(a)\"")) }
        #expect(red.contains("\"acct-0001\""))
        let d = try #require(domains.sorted().first)
        #expect(red.contains(Redaction(key: Array(repeating: 7, count: 32)).hash(d)))
        #expect(!red.contains(Redaction(key: Array(repeating: 8, count: 32)).hash(d)))
        let (_, again, _) = try Fixture.run(base + ["--redact", "--redact-key", key, "--pseudonymous-accounts"])
        #expect(again == red)
        let (_, random1, _) = try Fixture.run(base + ["--redact"])
        let (_, random2, _) = try Fixture.run(base + ["--redact"])
        #expect(random1 != random2 && !random1.contains(Redaction(key: Array(repeating: 7, count: 32)).hash(d)))
    }

    @Test func dotOfOneCampaign() throws {
        let (_, json, _) = try Fixture.run(["analyze"] + Self.demo + ["--format", "json", "--quiet"])
        let id = try #require(json.firstMatch(of: /"id": "(C-[0-9a-f]+)"/).map { String($0.1) })
        let (code, dot, _) = try Fixture.run(["analyze"] + Self.demo + ["--format", "dot", "--campaign", id, "--quiet"])
        #expect(code == 0 && dot.hasPrefix("graph \"campaign \(id)\"") && dot.contains("rankdir=LR"))
        #expect(dot.components(separatedBy: "shape=box").count - 1 <= 61)
        let (code2, _, err2) = try Fixture.run(["analyze"] + Self.demo + ["--format", "dot", "--campaign", "C-0000000000", "--quiet"])
        #expect(code2 == 2 && err2.contains("no such campaign") && err2.contains(id))
    }

    /// The progress line, on a terminal (util-linux `script` gives the run one): at most
    /// 10 redraws a second, and a closing line with the time, the records and the output.
    @Test func progressRedrawsAtMostTenTimesASecondAndCloses() throws {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/script") else { return }
        let dir = TempDir()
        let out = dir.path + "/r.json"
        let command = ([Fixture.binary, "analyze"] + Self.demo.map { $0.hasPrefix("--") ? $0 : Fixture.path($0) } + ["--format", "json", "-o", out, "--threads", "1"])
            .map { "'" + $0 + "'" }.joined(separator: " ")
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/script")
        p.arguments = ["-qec", command + " >/dev/null", "/dev/null"]
        p.currentDirectoryURL = URL(fileURLWithPath: Fixture.root)
        let pipe = Pipe()
        p.standardOutput = pipe
        p.standardInput = Pipe()
        let start = Date()
        try p.run()
        let text = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        let elapsed = Date().timeIntervalSince(start)
        #expect(p.terminationStatus == 0, "\(text)")
        let redraws = text.components(separatedBy: "MB (").count - 1
        #expect(Double(redraws) <= elapsed * 10 + 2, "\(redraws) redraws in \(elapsed) s")
        #expect(text.contains("records read in") && text.contains(out))
    }
}
