import Foundation
import Testing

@testable import DistillCase

/// `show` renders values read from a report file: they are hostile ground too.
@Suite("campaign document")
struct CampaignDocumentTests {
    static let hostile = #"""
        {"schema_version": 1, "campaigns": [{
          "id": "C-0123456789", "severity": "critical", "score": 97.5, "requests": 12,
          "first_seen": "2026-01-01T00:00:00Z", "last_seen": "2026-01-02T00:00:00Z",
          "accounts": ["<script>alert(1)</script>", "[click](http://evil.example)"],
          "signals": [{"kind": "linkage", "strength": 1, "evidence": "| broken | table |\n# heading"}],
          "members": [{"account": "<script>alert(1)</script>", "requests": 7, "first_seen": "2026-01-01T00:00:00Z",
                       "last_seen": "2026-01-02T00:00:00Z", "email_domain": "=cmd|' /C calc'!A0", "payment_fingerprint": null,
                       "country": "FR", "top_ip": "1.2.3.4", "top_client": "ua\u001b[31m", "suspicion": 0.9, "extraction_share": 0.5,
                       "evidence": ["ip"], "links": 1}],
          "infrastructure": {"ips": [{"value": "https://evil.example/x", "accounts": 2, "requests": 12}]},
          "prompt_families": [], "timeline": [{"day": "2026-01-01", "requests": 12}], "samples": ["<img src=x onerror=alert(1)>"]
        }]}
        """#

    @Test func hostileValuesAreEscapedAndTheCampaignIsWhole() throws {
        let report = try ReportFile.parse(Data(Self.hostile.utf8), path: "hostile.json")
        let md = try CampaignDocument(report: report, id: "C-0123456789").markdown()
        #expect(md.hasPrefix("# Campaign C-0123456789 — CRITICAL (score 97.5)"))
        #expect(!md.contains("<script>") && !md.contains("<img"))
        #expect(!md.contains("](http"))
        #expect(!md.contains("\u{1b}"))
        #expect(!md.contains("\n# heading"))
        #expect(md.contains("## Members (2)"))
        // Every table row keeps its column count: no value adds a cell.
        for line in md.split(separator: "\n") where line.hasPrefix("| ") && line.contains("2026-01-01T00:00:00Z") {
            #expect(line.replacingOccurrences(of: "\\|", with: "").filter { $0 == "|" }.count == 12, "\(line)")
        }
    }

    @Test func anUnknownIdListsTheIdsThereAre() throws {
        let report = try ReportFile.parse(Data(Self.hostile.utf8), path: "hostile.json")
        #expect(throws: CaseError.self) { try CampaignDocument(report: report, id: "C-nope") }
        do { _ = try report.campaign("C-nope") } catch let e as CaseError { #expect(e.description.contains("campaigns: C-0123456789")) }
    }
}
