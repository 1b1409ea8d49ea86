import DistillDecode
import DistillScan
import DistillScore
import DistillSupport
import Foundation

extension AnalysisReport {
    /// `--format csv`: one row per campaign member (a takedown list), RFC 4180: CRLF line
    /// ends, every field quoted when it holds a comma, quote, CR or LF, quotes doubled.
    /// A cell that a spreadsheet would read as a formula (starting with `=`, `+`, `-`,
    /// `@`, tab or CR) gets a leading apostrophe, as OWASP advises against CSV injection.
    package func csv() -> String {
        var o = CSV.row(CSV.header)
        for c in campaigns {
            for m in memberRows(c) {
                o += CSV.row([
                    c.id, c.severity.rawValue, JSONValue.number(c.score), m.account, String(m.requests),
                    m.requests > 0 ? Timestamp.format(m.firstSeen) : "", m.requests > 0 ? Timestamp.format(m.lastSeen) : "",
                    m.emailDomain ?? "", m.payment ?? "", m.country ?? "", m.topIP ?? "", m.topClient ?? "",
                    JSONValue.number(m.suspicion), JSONValue.number(m.extractionShare), m.evidence.joined(separator: ";"), String(m.links),
                ])
            }
        }
        return o
    }
}

/// RFC 4180 writing with spreadsheet-formula neutralisation.
package enum CSV {
    package static let header = [
        "campaign_id", "severity", "score", "account_id", "requests", "first_seen", "last_seen", "email_domain",
        "payment_fingerprint", "country", "top_ip", "top_client", "suspicion", "extraction_share", "evidence", "links",
    ]

    package static func row(_ cells: [String]) -> String { cells.map(field).joined(separator: ",") + "\r\n" }

    /// One field: formula-leading characters neutralised, then quoted if needed.
    package static func field(_ raw: String) -> String {
        var s = raw
        if let first = s.unicodeScalars.first, ["=", "+", "-", "@", "\t", "\r"].contains(first) { s = "'" + s }
        // Scalars: a `,` or `"` followed by a combining mark is a Character that is neither.
        guard s.unicodeScalars.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return s }
        var out = "\""
        for u in s.unicodeScalars {
            if u == "\"" { out += "\"" }
            out.unicodeScalars.append(u)
        }
        return out + "\""
    }
}
