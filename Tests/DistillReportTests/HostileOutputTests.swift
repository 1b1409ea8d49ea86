import DistillScan
import Foundation
import Testing

@testable import DistillDecode
@testable import DistillReport
@testable import DistillScore

/// Issue 19: every output channel is hostile ground.
@Suite("hostile text in every output channel")
struct HostileOutputTests {
    /// GitHub autolinks URLs, `www.` names and e-mail addresses even through backslash
    /// escapes and entities: such words must come out as code spans.
    @Test(arguments: ["see https://evil.example/x now", "www.evil.example", "mail bob@evil.example", "WWW.Evil.Example|x", "mailto:a@b.co"])
    func autolinkProneWordsBecomeCodeSpans(_ text: String) {
        let out = SafeText.markdown(text)
        for word in out.split(separator: " ") where word.contains("@") || word.contains("://") || word.lowercased().contains("www.") {
            #expect(word.hasPrefix("`") && word.hasSuffix("`"), "\(word) is not a code span in \(out)")
        }
        #expect(!out.contains("|") || out.contains("\\|"))
    }

    @Test(arguments: [("- member", "\\- member"), ("+ x", "\\+ x"), ("1. x", "1\\. x"), ("12) x", "12\\) x"), ("===", "\\==="), ("10.0.0.1", "10.0.0.1"), ("a - b", "a - b")])
    func leadingListMarkersAreEscaped(_ input: String, _ expected: String) {
        #expect(SafeText.markdown(input) == expected)
    }

    /// Rendered by GitHub's own renderer when it is installed (`apt-get install cmark-gfm`).
    @Test func cmarkGFMRendersNoLinkAndNoList() throws {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/cmark-gfm") else { return }
        let values = ["- a member", "1. a member", "https://evil.example/a", "www.evil.example", "eve@evil.example", "x`y@z.com`", "[x](http://e.co)"]
        let md = values.map { SafeText.markdown($0) + "\n\n| c |\n|---|\n| " + SafeText.markdown($0) + " |\n" }.joined(separator: "\n")
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/cmark-gfm")
        p.arguments = ["-e", "autolink", "-e", "table"]
        let inp = Pipe(), out = Pipe()
        p.standardInput = inp
        p.standardOutput = out
        try p.run()
        inp.fileHandleForWriting.write(Data(md.utf8))
        try inp.fileHandleForWriting.close()
        let html = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        #expect(!html.contains("<a "), "\(html)")
        #expect(!html.contains("<li>") && !html.contains("<ol") && !html.contains("<ul"), "\(html)")
    }

    @Test func terminalTextShowsControlsEscaped() {
        #expect(SafeText.terminal("log\u{1B}[2J\u{7}\u{202E}.jsonl") == "log\\x1b[2J\\x07\\u{202e}.jsonl")
        #expect(SafeText.terminal("usage\nline", keepingNewlines: true) == "usage\nline")
        #expect(SafeText.terminal("a\nb") == "a\\x0ab")
    }

    func campaign(_ accounts: [String], ips: [String] = [], subnets: [String] = []) -> Campaign {
        Campaign(
            id: "c1", severity: .high, score: 80, accounts: accounts, requests: 10, firstSeen: 0, lastSeen: 0, signals: [], benign: [], severityRule: .score(.high, threshold: 60, minAccounts: nil),
            families: [], ips: ips.map { Tally(value: $0, accounts: 2, requests: 5) }, subnets: subnets.map { Tally(value: $0, accounts: 2, requests: 5) },
            clients: [], payments: [], emailDomains: [], models: [], timeline: [], samples: [])
    }

    func report(_ c: Campaign) -> AnalysisReport {
        AnalysisReport(
            input: InputSummary(), campaigns: [c], accounts: 2, candidates: 2, families: 0,
            manifest: RunManifest(
                toolName: "t", toolVersion: "1", commandLine: [], parameters: [], rulePackName: "p", rulePackVersion: "1",
                rulePackSHA256: "", accountsFile: nil, accountsFileSHA256: nil, accountsTally: nil))
    }

    /// Was: node ids cut at 80 characters, so two accounts sharing a prefix became one node.
    @Test func dotNodeIdsKeepDistinctAccountsDistinct() {
        let prefix = String(repeating: "a", count: 100)
        let dot = report(campaign([prefix + "1", prefix + "2", "x\"y\\z", "short"])).dot()
        let boxes = dot.split(separator: "\n").filter { $0.contains("shape=box") }.map { String($0.split(separator: " [")[0]) }
        #expect(boxes.count == 4 && Set(boxes).count == 4)
        #expect(dot.contains("\"acct:short\""))
        #expect(!dot.contains("\u{1B}"))
    }

    /// Was: `ip:port` values and non-IP strings in the IP field passed `--redact` untouched.
    @Test(arguments: [
        ("1.2.3.4", "1.2.3.0/24"), ("1.2.3.4:8080", "1.2.3.0/24"), ("[2001:db8:aa:bb::1]:443", "2001:db8:aa::/48"),
        ("2001:db8:aa:bb::1", "2001:db8:aa::/48"), ("::ffff:10.1.2.3", "10.1.2.0/24"),
    ])
    func redactionTruncatesAddressesWithPorts(_ raw: String, _ redacted: String) {
        #expect(Redaction(key: Array("test key, 16+ bytes".utf8)).ip(raw) == redacted)
    }

    @Test func redactionHashesWhatIsNotAnAddress() {
        let r = Redaction(key: Array("test key, 16+ bytes".utf8)).apply(report(campaign(["a", "b"], ips: ["alice@corp.example", "10.0.0.1:22"], subnets: ["10.0.0.1:22::/48", "10.0.0.0/24"])))
        let ips = r.campaigns[0].ips.map(\.value), subnets = r.campaigns[0].subnets.map(\.value)
        #expect(ips.contains("10.0.0.0/24") && ips.contains { $0.hasPrefix("h:") } && !ips.contains { $0.contains("alice") || $0.contains(":22") })
        #expect(subnets.contains("10.0.0.0/24") && subnets.contains { $0.hasPrefix("h:") } && !subnets.contains { $0.contains(":22") })
    }
}
