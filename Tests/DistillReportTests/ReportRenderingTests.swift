import DistillInput
import DistillScan
import Foundation
import Testing

@testable import DistillDecode
@testable import DistillLink
@testable import DistillReport
@testable import DistillScore

/// Issue 17: the HTML page, the per-campaign DOT graph, keyed redaction and Markdown for
/// a terminal, on reports built here (hostile values everywhere).
@Suite("report rendering: html, dot --campaign, redaction, markdown")
struct ReportRenderingTests {
    static let hostile = [
        "<script>alert(1)</script>", "\"><img src=x onerror=alert(2)>", "</style><script>alert(3)</script>",
        "javascript:alert(4)", "' onmouseover='alert(5)", "<!-- x", "&lt;b&gt;", "`code` | pipe",
    ]

    static func campaign(_ id: String, _ accounts: [String], severity: Severity = .high, score: Double = 80, payments: [String] = [], samples: [String] = []) -> Campaign {
        Campaign(
            id: id, severity: severity, score: score, accounts: accounts, requests: 1_234_567, firstSeen: 0, lastSeen: 86_400_000,
            signals: [
                Signal(
                    kind: .modelPivot, strength: 0.5, weight: 10,
                    fact: .modelPivot(model: "model pm_secret_card via 203.0.113.9 and eve@evil.example", lagHours: 2, groupShare: 0.9, othersShare: 0.1))
            ],
            benign: [], severityRule: .score(.high, threshold: 60, minAccounts: nil),
            families: [.init(template: hostile[0] + " <*>", share: 0.5, accounts: 3, outsideAccounts: 0)],
            ips: [Tally(value: "203.0.113.9", accounts: 3, requests: 9)], subnets: [Tally(value: "203.0.113.0/24", accounts: 3, requests: 9)],
            clients: [Tally(value: hostile[2], accounts: 3, requests: 9)], payments: payments.map { Tally(value: $0, accounts: 3, requests: 9) },
            emailDomains: [Tally(value: "evil.example", accounts: 3, requests: 9)], models: [], timeline: [(0, 5), (1, 7)], samples: samples)
    }

    static func report(_ campaigns: [Campaign]) -> AnalysisReport {
        var r = AnalysisReport(
            input: InputSummary(), campaigns: campaigns, accounts: 9, candidates: 3, families: 1,
            familyStatistics: [
                FamilyStatistics.Family(
                    origin: "system", template: "You are ACME's secret assistant", familyID: nil, accounts: 9,
                    suspiciousAccounts: 3, requestsEstimate: 40, duplicateRate: 0, subnets: 1)
            ],
            manifest: RunManifest(
                toolName: "distillscan", toolVersion: "1", commandLine: ["distillscan", hostile[1]], parameters: [], rulePackName: "p",
                rulePackVersion: "1", rulePackSHA256: "", accountsFile: nil, accountsFileSHA256: nil, accountsTally: nil))
        for c in campaigns {
            for (i, a) in c.accounts.enumerated() {
                var m = MemberFigures(
                    account: a, requests: 100 + i, firstSeen: 0, lastSeen: 86_400_000, emailDomain: "evil.example",
                    payment: i < 3 ? "pm_secret_card" : "pm_other_\(i)", topIP: "203.0.113.\(i < 3 ? 9 : 20 + i)", topClient: hostile[2],
                    evidence: ["family", "payment"], links: 2)
                m.days = [0: 50, 1: 50 + i]
                r.members[a] = m
            }
        }
        return r
    }

    static var hostileReport: AnalysisReport {
        report([campaign("C-1", hostile, severity: .critical, score: 100, payments: ["pm_secret_card"], samples: hostile)])
    }

    @Test func htmlEscapesEveryLogValueAndHoldsNoScript() {
        let html = Self.hostileReport.html()
        for h in Self.hostile where h.contains("<") || h.contains("\"") || h.contains("'") { #expect(!html.contains(h), "raw: \(h)") }
        #expect(!html.lowercased().contains("<script"))
        #expect(html.range(of: #"<[^>]*\son[a-z]+\s*="#, options: [.regularExpression, .caseInsensitive]) == nil)
        #expect(!html.contains("href=\"javascript"))
        #expect(html.contains("Content-Security-Policy") && html.contains("default-src 'none'"))
        #expect(!html.contains("http://") || !html.contains("src=\"http"))
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(html.contains("<svg") && html.contains("1,234,567"))
    }

    @Test func htmlOfAnEmptyReportSaysSo() {
        let html = Self.report([]).html()
        #expect(html.contains("No coordinated campaign") && html.hasSuffix("</html>\n"))
    }

    /// Members sharing the same values collapse into one box; unique values are not nodes.
    @Test func dotOfOneCampaignCollapsesMembersThatShareEverything() throws {
        let accounts = (0..<12).map { "acct_\($0)" }
        let r = Self.report([Self.campaign("C-9", accounts)])
        let dot = try #require(r.dot(campaign: "C-9"))
        #expect(r.dot(campaign: "C-none") == nil)
        let boxes = dot.split(separator: "\n").filter { $0.contains("shape=box") }
        // acct_0..2 share the card and IP; the other nine have their own: two groups, plus
        // "every member" (all share the e-mail domain, the client and the family).
        #expect(boxes.count == 3, "\(dot)")
        #expect(dot.contains("3 account(s)") && dot.contains("9 account(s)") && dot.contains("every member (12)"))
        #expect(!dot.contains("pm_other_"))
        #expect(dot.contains("payment pm_secret_card"))
        #expect(!dot.contains("\u{1B}") && !dot.contains("</style>\n"))
    }

    @Test func dotRendersWithGraphvizWhenItIsThere() throws {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/dot") else { return }
        let dot = try #require(Self.hostileReport.dot(campaign: "C-1"))
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/dot")
        p.arguments = ["-Tsvg"]
        let inp = Pipe(), out = Pipe(), err = Pipe()
        p.standardInput = inp; p.standardOutput = out; p.standardError = err
        try p.run()
        inp.fileHandleForWriting.write(Data(dot.utf8))
        try inp.fileHandleForWriting.close()
        let svg = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        #expect(p.terminationStatus == 0 && svg.count > 500)
    }

    /// Keyed hashes: the hash of a guessed value is not in the report unless computed
    /// with the key; evidence sentences, system prompts and samples are scrubbed.
    @Test func redactionWithAKeyConfirmsNoGuessedValue() {
        let key = Array("0123456789abcdef-the-key".utf8)
        let plain = Self.hostileReport
        let r = Redaction(key: key, pseudonymousAccounts: true).apply(plain)
        let text = r.json().render() + r.markdown() + r.html() + r.csv()
        for raw in ["pm_secret_card", "evil.example", "203.0.113.9", "eve@evil.example", "ACME"] { #expect(!text.contains(raw), "\(raw) leaked") }
        #expect(text.contains(Redaction(key: key).hash("pm_secret_card")))
        #expect(!text.contains(Redaction(key: Array("another key, 16+ bytes".utf8)).hash("pm_secret_card")))
        #expect(!text.contains(Redaction(key: []).hash("pm_secret_card")))
        #expect(r.campaigns[0].samples.isEmpty && r.familyStatistics.isEmpty)
        #expect(r.campaigns[0].accounts.allSatisfy { $0.hasPrefix("acct-") } && Set(r.members.keys) == Set(r.campaigns[0].accounts))
        #expect(r.campaigns[0].signals[0].fact.sentence.contains("203.0.113.0/24"))
    }

    @Test func twoRandomKeysGiveDifferentHashes() throws {
        let a = try #require(DistillInput.HMACSHA256.randomKey()), b = try #require(DistillInput.HMACSHA256.randomKey())
        #expect(a != b && a.count == 32)
        #expect(Redaction(key: a).hash("x") != Redaction(key: b).hash("x"))
        // RFC 4231 test case 2.
        #expect(DistillInput.HMACSHA256(key: Array("Jefe".utf8)).hex("what do ya want for nothing?") == "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843")
    }

    @Test func markdownGroupsNumbersAndShowsIdentifiersAsCodeSpans() {
        #expect(NumberText.grouped(1_234_567) == "1,234,567" && NumberText.grouped(999) == "999" && NumberText.grouped(-1000) == "-1,000" && NumberText.grouped(0) == "0")
        #expect(SafeText.code("acct_1f") == "`acct_1f`")
        #expect(SafeText.code("a`b") == "``a`b``")
        #expect(SafeText.code("a|b") == "`a\\|b`")
        #expect(SafeText.code("a|b", inTable: false) == "a\\|b")
        #expect(SafeText.code("a\nb") == "`a b`")
        #expect(SafeText.code("<script>") == "&lt;script&gt;" && SafeText.code("[x](javascript:y)") == SafeText.markdown("[x](javascript:y)"))
        let md = Self.report([Self.campaign("C-1", ["acct_a", "acct_b", "acct_c"])]).markdown()
        #expect(md.contains("1,234,567 requests") && md.contains("`acct_a`"))
    }
}

/// Issue 17: the HTML timeline is per hour for dumps under a month.
@Suite("HTML timeline")
struct HTMLTimelineTests {
    /// Regression: the timeline was per day although the issue asks for requests per hour.
    @Test func aDaysRequestsAreSpreadOverItsActiveHoursExactly() {
        var m = MemberFigures(account: "a", requests: 10, firstSeen: 0, lastSeen: 0)
        m.days = [20_000: 10, 20_001: 3]
        m.dayHours = [20_000: (1 << 2) | (1 << 5) | (1 << 23), 20_001: 0]
        let slots = HTMLReport.hourSlots(m)
        #expect(slots == [20_000 * 24 + 2: 4, 20_000 * 24 + 5: 3, 20_000 * 24 + 23: 3, 20_001 * 24: 3])
        #expect(slots.values.reduce(0, +) == 13)
    }
}
