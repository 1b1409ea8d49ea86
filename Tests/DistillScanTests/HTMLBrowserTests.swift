import DistillReport
import DistillScan
import DistillScore
import DistillTestSupport
import Foundation
import Testing

/// Issue 17: the HTML report as a person sees it — rendered by headless Chromium (Debian
/// `chromium`, installed by scripts/install-test-deps.sh in CI). Without Chromium these
/// tests fail, unless DISTILLSCAN_SKIP_BROWSER=1 says to skip (CI sets nothing).
@Suite("html report in a real browser", .serialized)
struct HTMLBrowserTests {
    static let chromium = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].first { FileManager.default.isExecutableFile(atPath: $0) }

    /// Runs Chromium headless on a local file; returns its standard output.
    static func chromiumRun(_ args: [String], page: String, dir: TempDir) throws -> String {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: try #require(chromium))
        p.arguments = ["--headless", "--no-sandbox", "--disable-gpu", "--user-data-dir=\(dir.path)/profile", "--window-size=1400,2400"] + args + ["file://" + page]
        let out = Pipe()
        p.standardOutput = out
        p.standardError = FileHandle.nullDevice
        try p.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }

    static func browserAvailable() -> Bool {
        if chromium != nil { return true }
        if ProcessInfo.processInfo.environment["DISTILLSCAN_SKIP_BROWSER"] == "1" { return false }
        Issue.record("chromium is not installed: run scripts/install-test-deps.sh (or set DISTILLSCAN_SKIP_BROWSER=1 to skip locally)")
        return false
    }

    @Test func theDemoReportRendersItsCampaignsAndPictures() throws {
        guard Self.browserAvailable() else { return }
        let dir = TempDir()
        let page = dir.path + "/report.html", png = dir.path + "/report.png"
        let (code, _, err) = try Fixture.run(["analyze", "Fixtures/demo/logs", "--accounts", "Fixtures/demo/accounts.jsonl", "--format", "html", "-o", page, "--quiet"])
        #expect(code == 0, "\(err)")
        let (_, json, _) = try Fixture.run(["analyze", "Fixtures/demo/logs", "--accounts", "Fixtures/demo/accounts.jsonl", "--format", "json", "--quiet"])
        let ids = json.matches(of: /"id": "(C-[0-9a-f]+)"/).map { String($0.1) }
        #expect(ids.count >= 3)
        _ = try Self.chromiumRun(["--screenshot=\(png)"], page: page, dir: dir)
        let size = (try? FileManager.default.attributesOfItem(atPath: png)[.size] as? Int) ?? 0
        #expect(size > 50_000, "screenshot of \(size) bytes")
        let dom = try Self.chromiumRun(["--dump-dom"], page: page, dir: dir)
        #expect(dom.contains("<section id=\"overview\">"))
        for id in ids { #expect(dom.contains("data-campaign=\"\(id)\""), "\(id) not in the rendered DOM") }
        #expect(dom.components(separatedBy: "<svg").count - 1 >= 1 + 2 * ids.count)
    }

    /// Account ids, prompts and values that try to open script, close the style, add an
    /// event handler or a javascript: link stay text in the rendered DOM.
    @Test func hostileAccountIdsAndPromptsRunNoScript() throws {
        guard Self.browserAvailable() else { return }
        var report = Analysis.run(try Fixture.config("demo"))
        let hostile = [
            "<script>document.title='pwned'</script>", "\"><img src=x onerror=\"document.title='pwned'\">", "</style><script>alert(1)</script>",
            "javascript:alert(1)", "<svg onload=alert(1)>", "' autofocus onfocus='alert(1)",
        ]
        var c = try #require(report.campaigns.first)
        let old = c.accounts
        c.accounts = hostile.indices.map { hostile[$0] + "#\($0)" }
        for (i, a) in c.accounts.enumerated() where i < old.count {
            var m = report.members[old[i]] ?? MemberFigures(account: a, requests: 1, firstSeen: 0, lastSeen: 0)
            m.account = a; m.topClient = hostile[i]; m.payment = hostile[(i + 1) % hostile.count]
            report.members[a] = m
        }
        c.samples = hostile
        c.clients = hostile.map { Tally(value: $0, accounts: 2, requests: 3) }
        c.families = c.families.map {
            var f = $0; f.template = hostile[1] + " <*>"; return f
        }
        report.campaigns[0] = c
        let dir = TempDir()
        let page = dir.write("hostile.html", report.html())
        let dom = try Self.chromiumRun(["--dump-dom"], page: page, dir: dir)
        #expect(dom.contains("<section id=\"overview\">"))
        #expect(!dom.contains("<title>pwned</title>"))
        #expect(dom.range(of: "<script", options: .caseInsensitive) == nil)
        #expect(dom.range(of: #"<[a-z]+[^>]*\son[a-z]+\s*="#, options: [.regularExpression, .caseInsensitive]) == nil)
        #expect(!dom.contains("href=\"javascript"))
        #expect(dom.contains("&lt;script&gt;document.title="))
    }
}
