import Foundation
import Testing

/// Members as data: the per-member table, `--format csv`, and the JSON rows they agree with.
@Suite("members as data", .serialized)
struct MembersTests {
    static let demo = ["analyze", "Fixtures/demo/logs", "--accounts", "Fixtures/demo/accounts.jsonl", "--quiet"]

    /// RFC 4180 reading (quoted fields, doubled quotes, CRLF), to check what we write.
    static func parseCSV(_ s: String) -> [[String]] {
        var rows: [[String]] = [], row: [String] = [], field = "", quoted = false
        var it = Array(s.unicodeScalars).makeIterator()
        var pending: Unicode.Scalar? = nil
        while let c = pending ?? it.next() {
            pending = nil
            if quoted {
                if c == "\"" {
                    if let n = it.next() { if n == "\"" { field.unicodeScalars.append("\"") } else { quoted = false; pending = n } } else { quoted = false }
                } else {
                    field.unicodeScalars.append(c)
                }
            } else if c == "\"" {
                quoted = true
            } else if c == "," {
                row.append(field); field = ""
            } else if c == "\r" {
                continue
            } else if c == "\n" {
                row.append(field); rows.append(row); row = []; field = ""
            } else {
                field.unicodeScalars.append(c)
            }
        }
        return rows
    }

    @Test func csvHasOneRowPerMemberAndAgreesWithTheJSONReport() throws {
        let (code, csv, _) = try Fixture.run(Self.demo + ["--format", "csv"])
        #expect(code == 0)
        #expect(csv.hasPrefix("campaign_id,severity,score,account_id,requests,"))
        #expect(csv.contains("\r\n"))
        let rows = Self.parseCSV(csv)
        let header = rows[0]
        #expect(rows.dropFirst().allSatisfy { $0.count == header.count })
        let (_, json, _) = try Fixture.run(Self.demo + ["--format", "json"])
        let report = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let campaigns = try #require(report["campaigns"] as? [[String: Any]])
        var expected: [String] = []
        for c in campaigns {
            let id = c["id"] as! String
            let members = try #require(c["members"] as? [[String: Any]])
            #expect(members.map { $0["account"] as! String } == c["accounts"] as! [String])
            for m in members { expected.append("\(id) \(m["account"]!) \(m["requests"]!)") }
        }
        let got = rows.dropFirst().map { "\($0[0]) \($0[3]) \($0[4])" }
        #expect(got == expected)
        #expect(expected.count == (report["summary"] as! [String: Any])["accounts_in_campaigns"] as! Int)
    }

    @Test func markdownShowsAMemberTableWithEvidenceKinds() throws {
        let (_, md, _) = try Fixture.run(Self.demo)
        #expect(md.contains("| account | requests | first seen | last seen | email domain | payment | country | top IP | top client | linked by |"))
        #expect(md.contains("`pm_"), "payment fingerprints appear in the table (as code spans since issue 17)")
        #expect(md.range(of: #"\| (client|family|ip|payment|subnet|email_domain|signup|sync|handoff)(, [a-z_]+)* \(\d+\) \|"#, options: .regularExpression) != nil)
    }

    @Test func csvCellsAreQuotedAndFormulasNeutralised() throws {
        let dir = NSTemporaryDirectory() + "ds-csv-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: dir + "/logs", withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        // The demo corpus with hostile account-file values for every member.
        let accounts = try String(contentsOfFile: Fixture.path("Fixtures/demo/accounts.jsonl"), encoding: .utf8)
        var hostile = ""
        for line in accounts.split(separator: "\n") {
            var obj = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            obj["payment_fingerprint"] = "=HYPERLINK(\"http://x\",\"a,b\")"
            obj["billing_country"] = "+1"
            obj["email"] = "x@-evil\r\nline.com"
            hostile += String(decoding: try JSONSerialization.data(withJSONObject: obj), as: UTF8.self) + "\n"
        }
        try hostile.write(toFile: dir + "/accounts.jsonl", atomically: true, encoding: .utf8)
        let (code, csv, _) = try Fixture.run(["analyze", "Fixtures/demo/logs", "--accounts", dir + "/accounts.jsonl", "--format", "csv", "--quiet"])
        #expect(code == 0)
        let rows = Self.parseCSV(csv)
        #expect(rows.count > 2)
        for r in rows.dropFirst() {
            #expect(r.count == rows[0].count)
            for cell in r { #expect(!["=", "+", "-", "@"].contains(cell.first.map(String.init) ?? ""), "cell \(cell) starts a formula") }
        }
        #expect(rows[1][8] == "'=HYPERLINK(\"http://x\",\"a,b\")")
    }

    @Test func redactMasksTheMemberTableToo() throws {
        let (_, plain, _) = try Fixture.run(Self.demo + ["--format", "csv"])
        let (_, redacted, _) = try Fixture.run(Self.demo + ["--format", "csv", "--redact"])
        let p = Self.parseCSV(plain)[1], r = Self.parseCSV(redacted)[1]
        #expect(p[3] == r[3])
        #expect(p[8].hasPrefix("pm_") && r[8].hasPrefix("h:"))
        #expect(r[10].hasSuffix("/24") || r[10].contains("/48"))
    }
}
