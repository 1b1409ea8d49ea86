import DistillDecode
import DistillScore

extension MarkdownReport {
    /// Rows shown per campaign in Markdown; the CSV and JSON carry every member.
    static let memberTableRows = 100

    /// The per-member table of a campaign, busiest members first.
    func memberTable(_ c: Campaign) -> String {
        let rows = report.memberRows(c).sorted { ($1.requests, $0.account) < ($0.requests, $1.account) }
        guard !rows.isEmpty else { return "" }
        var o = "\n| account | requests | first seen | last seen | email domain | payment | country | top IP | top client | linked by |\n"
        o += "|---|---:|---|---|---|---|---|---|---|---|\n"
        for m in rows.prefix(Self.memberTableRows) {
            let cells = [
                SafeText.code(m.account), NumberText.grouped(m.requests),
                m.requests > 0 ? Timestamp.format(m.firstSeen) : "–", m.requests > 0 ? Timestamp.format(m.lastSeen) : "–",
                cell(m.emailDomain, 80), code(m.payment, 80), cell(m.country, 8), code(m.topIP, 60), cell(m.topClient, 80),
                m.evidence.isEmpty ? "–" : m.evidence.joined(separator: ", ") + " (\(m.links))",
            ]
            o += "| " + cells.joined(separator: " | ") + " |\n"
        }
        if rows.count > Self.memberTableRows {
            o += "\n\(NumberText.grouped(rows.count - Self.memberTableRows)) more member(s): every member is in `--format csv` and `--format json`.\n"
        }
        return o
    }

    private func code(_ s: String?, _ limit: Int) -> String {
        guard let s, !s.isEmpty else { return "–" }
        return SafeText.code(s, limit: limit)
    }

    private func cell(_ s: String?, _ limit: Int) -> String {
        guard let s, !s.isEmpty else { return "–" }
        return SafeText.markdown(s, limit: limit)
    }
}
