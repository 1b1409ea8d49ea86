import DistillDecode
import DistillScore
import DistillSupport

extension HTMLReport {
    /// Rows of the member table per campaign; CSV and JSON carry every member.
    static let memberRows = 1000

    func campaign(_ c: Campaign, index: Int) -> String {
        let n = NumberText.grouped, t = HTMLText.text
        var o = "<section class=\"campaign\" id=\"c\(index)\" data-campaign=\"\(t(c.id, 80))\">\n"
        o += "<h2>\(index). Campaign \(t(c.id, 80)) \(badge(c.severity)) score \(JSONValue.number(c.score))</h2>\n"
        o += "<p>\(n(c.accounts.count)) accounts, \(n(c.requests)) requests, \(Timestamp.format(c.firstSeen)) → \(Timestamp.format(c.lastSeen)).<br>Severity rule: \(t(c.severityRule.sentence, 300)).</p>\n"
        o += "<h3>Timeline (requests per day, members stacked)</h3>\n" + timeline(c)
        o += "<h3>Members and the infrastructure they share</h3>\n" + graph(c)
        o += "<h3>Why this is a campaign</h3>\n<table><tr><th>signal</th><th class=\"n\">strength</th><th class=\"n\">points</th><th>evidence</th></tr>\n"
        for s in c.signals.sorted(by: { (-$0.weight, -$0.strength, $0.kind, $0.link ?? "") < (-$1.weight, -$1.strength, $1.kind, $1.link ?? "") }) {
            let name = s.kind.rawValue + (s.link.map { " (\($0))" } ?? "")
            o +=
                "<tr><td>\(t(name, 80))</td><td class=\"n\">\(JSONValue.number(s.strength))</td><td class=\"n\">\(JSONValue.number((s.weight * 10).rounded() / 10))</td><td>\(t(s.fact.sentence, 400))</td></tr>\n"
        }
        o += "</table>\n<h3>Benign explanations considered</h3>\n<table><tr><th>explanation</th><th>applied</th><th class=\"n\">factor</th><th>evidence</th></tr>\n"
        for b in c.benign {
            o += "<tr><td>\(t(b.kind.rawValue, 80))</td><td>\(b.applied ? "<strong>yes</strong>" : "no")</td><td class=\"n\">\(JSONValue.number(b.factor))</td><td>\(t(b.fact.sentence, 400))</td></tr>\n"
        }
        o += "</table>\n<h3>Infrastructure</h3>\n<table><tr><th>kind</th><th>value</th><th class=\"n\">accounts</th><th class=\"n\">requests</th></tr>\n"
        for (kind, tallies) in [("ip", c.ips), ("subnet", c.subnets), ("client", c.clients), ("payment", c.payments), ("email domain", c.emailDomains), ("model", c.models)] {
            for x in tallies.prefix(10) {
                o += "<tr><td>\(kind)</td><td class=\"mono\">\(t(x.value, 160))</td><td class=\"n\">\(n(x.accounts))</td><td class=\"n\">\(n(x.requests))</td></tr>\n"
            }
        }
        o += "</table>\n"
        if !c.families.isEmpty {
            o += "<h3>Prompt families</h3>\n<table><tr><th class=\"n\">share</th><th class=\"n\">accounts (outside)</th><th>template</th></tr>\n"
            for f in c.families {
                o += "<tr><td class=\"n\">\(Int((f.share * 100).rounded()))%</td><td class=\"n\">\(n(f.accounts)) (\(n(f.outsideAccounts)))</td><td class=\"mono\">\(t(f.template, 400))</td></tr>\n"
            }
            o += "</table>\n"
        }
        o += members(c)
        if !c.samples.isEmpty {
            o += "<h3>Sample prompts</h3>\n" + c.samples.map { "<blockquote>\(t($0, 400))</blockquote>\n" }.joined()
        }
        return o + "</section>\n"
    }

    func members(_ c: Campaign) -> String {
        let rows = report.memberRows(c).sorted { ($1.requests, $0.account) < ($0.requests, $1.account) }
        let n = NumberText.grouped
        func cell(_ s: String?, _ limit: Int) -> String { s.map { $0.isEmpty ? "–" : HTMLText.text($0, limit: limit) } ?? "–" }
        var o =
            "<h3>Members (\(n(rows.count)))</h3>\n<table><tr><th>account</th><th class=\"n\">requests</th><th>first seen</th><th>last seen</th><th>email domain</th><th>payment</th><th>country</th><th>top IP</th><th>top client</th><th>linked by</th></tr>\n"
        for m in rows.prefix(Self.memberRows) {
            let seen = m.requests > 0
            o += "<tr><td class=\"mono\">\(HTMLText.text(m.account, limit: 120))</td><td class=\"n\">\(n(m.requests))</td>"
            o += "<td>\(seen ? Timestamp.format(m.firstSeen) : "–")</td><td>\(seen ? Timestamp.format(m.lastSeen) : "–")</td>"
            o +=
                "<td>\(cell(m.emailDomain, 80))</td><td class=\"mono\">\(cell(m.payment, 80))</td><td>\(cell(m.country, 8))</td><td class=\"mono\">\(cell(m.topIP, 60))</td><td>\(cell(m.topClient, 80))</td>"
            o += "<td>\(m.evidence.isEmpty ? "–" : HTMLText.text(m.evidence.joined(separator: ", ") + " (\(m.links))"))</td></tr>\n"
        }
        o += "</table>\n"
        if rows.count > Self.memberRows {
            o += "<p>\(n(rows.count - Self.memberRows)) more member(s): every member is in <code>--format csv</code> and <code>--format json</code>.</p>\n"
        }
        return o
    }
}
