import DistillTestSupport
import Foundation
import Testing

/// Drill-down: `show`, `account` and `extract` on the demo dump agree with its JSON report.
@Suite("drill-down", .serialized)
struct DrillDownCLITests {
    static let dump = ["Fixtures/demo/logs", "--accounts", "Fixtures/demo/accounts.jsonl"]

    /// The demo report and its most severe campaign (written once per test).
    func report(_ t: TempDir) throws -> (path: String, campaign: [String: Any]) {
        let path = t.path + "/report.json"
        let (code, _, _) = try Fixture.run(["analyze"] + Self.dump + ["--format", "json", "-o", path, "--quiet"])
        #expect(code == 0)
        let doc = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path))) as! [String: Any]
        return (path, (doc["campaigns"] as! [[String: Any]])[0])
    }

    @Test func showPrintsTheWholeCampaignAsInTheReport() throws {
        let t = TempDir()
        let (path, c) = try report(t)
        let id = c["id"] as! String
        let (code, md, err) = try Fixture.run(["show", path, id])
        #expect(code == 0, "\(err)")
        #expect(md.hasPrefix("# Campaign \(id) — "))
        let accounts = c["accounts"] as! [String]
        #expect(md.contains("## Members (\(accounts.count))"))
        for a in accounts { #expect(md.contains(a.replacingOccurrences(of: "_", with: "\\_"))) }
        let (code2, json, _) = try Fixture.run(["show", path, id, "--format", "json"])
        #expect(code2 == 0)
        let shown = try JSONSerialization.jsonObject(with: Data(json.utf8)) as! [String: Any]
        #expect(NSDictionary(dictionary: shown).isEqual(to: c))
    }

    @Test func showRefusesAnUnknownIdAndBadReports() throws {
        let t = TempDir()
        let (path, _) = try report(t)
        let (code, out, err) = try Fixture.run(["show", path, "C-0000000000"])
        #expect(code == 2 && out.isEmpty)
        #expect(err.contains("no campaign C-0000000000") && err.contains("campaigns: C-"))
        let v2 = t.write("v2.json", #"{"schema_version": 2, "campaigns": []}"#)
        let (code2, _, err2) = try Fixture.run(["show", v2, "C-0000000000"])
        #expect(code2 == 2 && err2.contains("schema_version 2"))
        let (code3, _, err3) = try Fixture.run(["show", t.path + "/none.json", "C-1"])
        #expect(code3 == 2 && err3.contains("no such report file"))
        // Ids read from a hostile report never reach the terminal as escape sequences.
        let hostile = t.write("hostile.json", #"{"schema_version": 1, "campaigns": [{"id": "C-\u001b]8;;http://x\u0007evil", "severity": "high", "score": 1, "accounts": ["a"]}]}"#)
        let (code4, _, err4) = try Fixture.run(["show", hostile, "C-1"])
        #expect(code4 == 2 && err4.contains("no campaign C-1") && !err4.contains("\u{1b}") && !err4.contains("\u{7}"))
    }

    @Test func accountShowsProfileLinksAndCampaignAgreeingWithTheReport() throws {
        let t = TempDir()
        let (_, c) = try report(t)
        let id = c["id"] as! String
        let members = c["members"] as! [[String: Any]]
        let m = members[0]
        let account = m["account"] as! String
        let (code, json, err) = try Fixture.run(["account"] + Self.dump + [account, "--format", "json"])
        #expect(code == 0, "\(err)")
        let d = try JSONSerialization.jsonObject(with: Data(json.utf8)) as! [String: Any]
        #expect(d["account"] as? String == account)
        #expect(d["campaign"] as? String == id)
        #expect(d["requests"] as? Int == m["requests"] as? Int)
        #expect(d["first_seen"] as? String == m["first_seen"] as? String)
        let links = d["links"] as! [[String: Any]]
        #expect(links.filter { $0["campaign"] as? String == id }.count == m["links"] as! Int)
        let kinds = Set(links.filter { $0["campaign"] as? String == id }.flatMap { ($0["evidence"] as! [String: Any]).keys })
        #expect(kinds == Set(m["evidence"] as! [String]))
        #expect(!(d["timeline"] as! [Any]).isEmpty && !(d["prompt_families"] as! [Any]).isEmpty)
        let (code2, md, _) = try Fixture.run(["account"] + Self.dump + [account])
        #expect(code2 == 0)
        #expect(md.contains("Member of campaign **\(id)**") && md.contains("## Linked accounts") && md.contains("## Infrastructure"))
    }

    @Test func accountRefusesAnUnknownIdAndAMissingDump() throws {
        let (code, out, err) = try Fixture.run(["account", "Fixtures/demo/logs", "nobody-at-all"])
        #expect(code == 2 && out.isEmpty && err.contains("no account nobody-at-all"))
        let (code2, _, err2) = try Fixture.run(["account", "nobody-at-all"])
        #expect(code2 == 2 && err2.contains("account id"))
    }

    /// Issue 16: the extracted lines are byte-identical to the source lines, and the manifest says where each came from.
    @Test func extractCopiesMembersLinesByteForByteWithAManifest() throws {
        let t = TempDir()
        let (path, c) = try report(t)
        let id = c["id"] as! String
        let out = t.path + "/evidence.jsonl.gz"
        let (code, _, err) = try Fixture.run(["extract", "Fixtures/demo/logs", "--campaign", id, "--report", path, "-o", out])
        #expect(code == 0, "\(err)")
        let manifest = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: out + ".manifest.json"))) as! [String: Any]
        let lines = manifest["lines"] as! [[String: Any]]
        #expect(lines.count == c["requests"] as! Int, "one line per request of the campaign")
        #expect(Set(manifest["members"] as! [String]) == Set(c["accounts"] as! [String]))
        // Decompress ours and the sources with the system gzip, compare line by line.
        func gunzip(_ p: String) throws -> [Data] {
            let proc = Process()
            proc.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            proc.arguments = ["gzip", "-dc", p]
            let pipe = Pipe()
            proc.standardOutput = pipe
            try proc.run()
            let d = pipe.fileHandleForReading.readDataToEndOfFile()
            proc.waitUntilExit()
            return d.split(separator: 0x0A, omittingEmptySubsequences: false).map { Data($0) }
        }
        let extracted = try gunzip(out)
        #expect(extracted.count == lines.count + 1 && extracted.last!.isEmpty)
        var sources: [String: [Data]] = [:]
        var mismatches = 0
        for (i, l) in lines.enumerated() {
            let src = l["source"] as! String
            if sources[src] == nil { sources[src] = try gunzip(Fixture.path(src)) }
            if sources[src]![(l["line"] as! Int) - 1] != extracted[i] { mismatches += 1 }
        }
        #expect(mismatches == 0)
        // Every extracted line belongs to a member; sources carry their SHA-256.
        let members = Set(c["accounts"] as! [String])
        for line in extracted.dropLast().prefix(200) {
            let obj = try JSONSerialization.jsonObject(with: line) as! [String: Any]
            let who = (obj["account_id"] ?? obj["user_id"]) as? String
            #expect(who.map(members.contains) ?? false)
        }
        for s in manifest["sources"] as! [[String: Any]] { #expect((s["sha256"] as? String)?.count == 64) }
    }

    @Test func extractRefusesBadInputWithExitTwo() throws {
        let t = TempDir()
        let (path, c) = try report(t)
        let id = c["id"] as! String
        let (code, _, err) = try Fixture.run(["extract", "Fixtures/demo/logs", "--campaign", "C-0000000000", "--report", path, "-o", t.path + "/e.gz"])
        #expect(code == 2 && err.contains("no campaign C-0000000000"))
        let (code2, _, err2) = try Fixture.run(["extract", "Fixtures/demo/logs", "--campaign", id, "--report", path, "-o", t.path + "/no/such/dir/e.gz"])
        #expect(code2 == 2 && err2.contains("cannot write the evidence file"))
        #expect(!FileManager.default.fileExists(atPath: t.path + "/no/such/dir/e.gz"))
        let junk = t.write("junk.json", "{]")
        let (code3, _, err3) = try Fixture.run(["extract", "Fixtures/demo/logs", "--campaign", id, "--report", junk, "-o", t.path + "/e.gz"])
        #expect(code3 == 2 && err3.contains("not a distillscan JSON report"))
    }
}
