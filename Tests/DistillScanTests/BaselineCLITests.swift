import DistillTestSupport
import Foundation
import Testing

/// Following last week's finding: stable ids, `--baseline`, `distillscan diff`.
@Suite("baseline and diff", .serialized)
struct BaselineCLITests {
    let week = CaseWeek.shared

    /// Issue 16: days 1–5 then days 1–7 keeps the id of at least 90 % of the campaigns
    /// found in both, without any baseline.
    @Test func idsSurviveTwoMoreDaysWithoutABaseline() throws {
        let a = CaseWeek.campaigns(try CaseWeek.json(week.fiveDays)), b = CaseWeek.campaigns(try CaseWeek.json(week.week))
        #expect(a.count >= 4)
        var both = 0, same = 0
        for c in a {
            let members = Set(c["accounts"] as! [String])
            // "Found in both": a campaign of the week holding most of these members.
            guard let d = b.first(where: { Set($0["accounts"] as! [String]).intersection(members).count * 2 > members.count }) else { continue }
            both += 1
            if d["id"] as! String == c["id"] as! String { same += 1 }
        }
        #expect(both >= 4)
        #expect(Double(same) >= 0.9 * Double(both), "kept \(same) of \(both)")
    }

    @Test func baselineMarksEveryCampaignAndValidatesAgainstTheSchema() throws {
        let out = week.dir.path + "/with-baseline.json"
        let (code, _, err) = try Fixture.run(["analyze", week.logs, "--accounts", week.accounts, "--baseline", week.fiveDays, "--format", "json", "-o", out, "--quiet"])
        #expect(code == 0, "\(err)")
        let doc = try Data(contentsOf: URL(fileURLWithPath: out))
        let schema = try #require(FileManager.default.contents(atPath: Fixture.path("docs/report.schema.json")))
        let errors = SchemaValidator.validate(document: [UInt8](doc), schema: [UInt8](schema))
        #expect(errors.isEmpty, "\(errors.prefix(5))")
        let report = try CaseWeek.json(out)
        let baseline = try #require(report["baseline"] as? [String: Any])
        let changes = baseline["campaigns"] as! [[String: Any]]
        let campaigns = CaseWeek.campaigns(report)
        #expect(changes.map { $0["id"] as! String } == campaigns.map { $0["id"] as! String })
        let prior = Dictionary(uniqueKeysWithValues: CaseWeek.campaigns(try CaseWeek.json(week.fiveDays)).map { ($0["id"] as! String, Set($0["accounts"] as! [String])) })
        for (ch, c) in zip(changes, campaigns) {
            let now = Set(c["accounts"] as! [String])
            let status = ch["status"] as! String
            guard let before = prior[c["id"] as! String] else { #expect(status == "new"); continue }
            let added = now.subtracting(before), removed = before.subtracting(now)
            #expect(Set(ch["added"] as! [String]) == added && Set(ch["removed"] as! [String]) == removed)
            switch (added.isEmpty, removed.isEmpty) {
            case (true, true): #expect(status == "unchanged" || status == "changed")
            case (false, true): #expect(status == "grown")
            case (true, false): #expect(status == "shrunk")
            case (false, false): #expect(status == "changed")
            }
        }
        #expect(changes.contains { $0["status"] as! String == "grown" })
        let (_, md, _) = try Fixture.run(["analyze", week.logs, "--accounts", week.accounts, "--baseline", week.fiveDays, "--quiet"])
        #expect(md.contains("## Changes since the baseline"))
        #expect(md.contains("| grown | C-"))
    }

    /// Shrink: the week as baseline, the five days now (members lost): same ids, `shrunk` or `unchanged`, none gone.
    @Test func aShrinkingWeekKeepsItsIds() throws {
        let (code, json, _) = try Fixture.run(["analyze"] + week.days.prefix(5) + ["--accounts", week.accounts, "--baseline", week.week, "--format", "json", "--quiet"])
        #expect(code == 0)
        let report = try JSONSerialization.jsonObject(with: Data(json.utf8)) as! [String: Any]
        let baseline = report["baseline"] as! [String: Any]
        let statuses = (baseline["campaigns"] as! [[String: Any]]).map { $0["status"] as! String }
        #expect(!statuses.contains("new"))
        #expect(statuses.contains("shrunk"))
        #expect((baseline["gone"] as! [Any]).isEmpty)
    }

    @Test func diffOfTwoReportsAgreesWithBaselineAndValidates() throws {
        let (code, json, err) = try Fixture.run(["diff", week.fiveDays, week.week, "--format", "json"])
        #expect(code == 0, "\(err)")
        let schema = try #require(FileManager.default.contents(atPath: Fixture.path("docs/diff.schema.json")))
        let errors = SchemaValidator.validate(document: Array(json.utf8), schema: [UInt8](schema))
        #expect(errors.isEmpty, "\(errors.prefix(5))")
        let diff = try JSONSerialization.jsonObject(with: Data(json.utf8)) as! [String: Any]
        let (_, withBaseline, _) = try Fixture.run(["analyze", week.logs, "--accounts", week.accounts, "--baseline", week.fiveDays, "--format", "json", "--quiet"])
        let b = (try JSONSerialization.jsonObject(with: Data(withBaseline.utf8)) as! [String: Any])["baseline"] as! [String: Any]
        func rows(_ d: [String: Any]) -> [String] { (d["campaigns"] as! [[String: Any]]).map { "\($0["id"]!) \($0["status"]!) \($0["added"]!) \($0["removed"]!)" } }
        #expect(rows(diff) == rows(b))
        let (code2, md, _) = try Fixture.run(["diff", week.fiveDays, week.week])
        #expect(code2 == 0 && md.contains("| status | campaign | severity | score | accounts | added | removed | requests |"))
        // Reversed: what grew has shrunk.
        let (_, back, _) = try Fixture.run(["diff", week.week, week.fiveDays])
        #expect(back.contains("| shrunk |") && !back.contains("| grown |"))
    }

    @Test func badReportsGetOneClearMessageAndExitTwo() throws {
        let t = TempDir()
        let other = t.write("v2.json", #"{"schema_version": 2, "campaigns": []}"#)
        let junk = t.write("junk.json", "this is not json\n")
        let noCampaigns = t.write("nocamp.json", #"{"schema_version": 1}"#)
        for (args, needle) in [
            (["diff", other, week.week], "schema_version 2"),
            (["diff", week.week, junk], "not a distillscan JSON report"),
            (["diff", week.week, noCampaigns], "no campaigns list"),
            (["diff", week.week, t.path + "/missing.json"], "no such report file"),
            (["diff", week.week, t.path], "no such report file"),
            (["analyze", week.logs, "--baseline", other, "--quiet"], "schema_version 2"),
            (["diff", week.fiveDays, week.week, "--format", "xml"], "--format"),
        ] {
            let (code, out, err) = try Fixture.run(args)
            #expect(code == 2, "\(args)")
            #expect(err.contains(needle), "\(args): \(err)")
            if !args.contains("--format") { #expect(err.split(separator: "\n").count == 1, "one clear message: \(err)") }
            #expect(out.isEmpty)
        }
        // A report path that cannot be written.
        let (code, _, err) = try Fixture.run(["diff", week.fiveDays, week.week, "-o", "/proc/no-such-dir/x.md"])
        #expect(code == 2 && err.contains("/proc/no-such-dir/x.md"))
    }
}
