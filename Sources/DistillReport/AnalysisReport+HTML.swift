import DistillDecode
import DistillScan
import DistillScore
import DistillSupport

extension AnalysisReport {
    /// `--format html`: one self-contained page (inline CSS and SVG, no script, no
    /// network) for a case folder or an e-mail. See `HTMLReport`.
    package func html() -> String { HTMLReport(report: self).render() }
}

/// The HTML report: an overview of the campaigns, then each campaign with its timeline,
/// its members-and-infrastructure picture and its tables, then inputs and manifest.
/// Safety by construction: the page holds no script at all and a Content-Security-Policy
/// forbids any (and any network fetch); every string from the logs goes through
/// `HTMLText.text`, which escapes it for text and quoted attributes alike; element ids
/// and links are made by the tool (`c1`, `c2`, …), never from log values.
struct HTMLReport {
    let report: AnalysisReport

    static let colours: [Severity: String] = [.critical: "#b71c1c", .high: "#e65100", .medium: "#f9a825", .low: "#78909c"]

    func render() -> String {
        var o = """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta name="generator" content="\(HTMLText.text(report.manifest.toolName + " " + report.manifest.toolVersion))">
            <title>distillscan report</title>
            <style>\(Self.css)</style>
            </head>
            <body>
            <h1>distillscan report</h1>

            """
        o += summary()
        // Sections added after the analysis (`--baseline`) come as Markdown: shown as text.
        for s in report.sections {
            o +=
                "<section class=\"extra\"><pre>" + s.markdown.split(separator: "\n", omittingEmptySubsequences: false).map { HTMLText.text(String($0), limit: 2000) }.joined(separator: "\n")
                + "</pre></section>\n"
        }
        for (i, c) in report.campaigns.enumerated() { o += campaign(c, index: i + 1) }
        o += inputs()
        return o + "</body>\n</html>\n"
    }

    func summary() -> String {
        let t = report.input.tally, n = NumberText.grouped
        var o = "<section id=\"overview\"><h2>Overview</h2>\n<table class=\"facts\">\n"
        o += row("inputs", "\(n(report.input.files.count)) file(s), \(n(report.input.bytes)) bytes decompressed")
        o += row("lines", "\(n(t.lines)) = \(n(t.records)) records + \(n(t.malformedTotal)) malformed + \(n(t.skippedTotal)) skipped")
        o += row("time range", "\(report.input.firstTimestamp.map(Timestamp.format) ?? "–") → \(report.input.lastTimestamp.map(Timestamp.format) ?? "–")")
        o += "<tr><th>complete</th><td>" + (report.input.complete ? "yes" : "<strong class=\"warn\">NO — some input could not be read; see Inputs</strong>") + "</td></tr>\n"
        o += row("accounts", "\(n(report.accounts)) seen, \(n(report.candidates)) suspicious on their own")
        o += row("campaigns", "\(report.campaigns.count) (" + Severity.allCases.reversed().map { "\(report.count($0)) \($0.rawValue)" }.joined(separator: ", ") + ")")
        o += row("accounts in campaigns", n(report.campaigns.reduce(0) { $0 + $1.accounts.count }))
        o += row("requests in campaigns", n(report.campaigns.reduce(0) { $0 &+ $1.requests }))
        o += "</table>\n"
        if report.campaigns.isEmpty {
            return o + "<p class=\"none\">No coordinated campaign reached the reporting threshold.</p></section>\n"
        }
        o += overviewChart()
        o += "<table><tr><th>campaign</th><th>severity</th><th class=\"n\">score</th><th class=\"n\">accounts</th><th class=\"n\">requests</th><th>first seen</th><th>last seen</th></tr>\n"
        for (i, c) in report.campaigns.enumerated() {
            o += "<tr><td><a href=\"#c\(i + 1)\">\(HTMLText.text(c.id, limit: 80))</a></td><td>\(badge(c.severity))</td><td class=\"n\">\(JSONValue.number(c.score))</td>"
            o += "<td class=\"n\">\(n(c.accounts.count))</td><td class=\"n\">\(n(c.requests))</td><td>\(Timestamp.format(c.firstSeen))</td><td>\(Timestamp.format(c.lastSeen))</td></tr>\n"
        }
        return o + "</table></section>\n"
    }

    /// One bar per campaign: length = score, colour = severity, the size written beside it.
    func overviewChart() -> String {
        let shown = report.campaigns.prefix(40)
        let rowH = 22, left = 150, width = 900, barMax = 480
        let peak = max(100, shown.map(\.score).max() ?? 100)
        var o =
            "<svg class=\"chart\" role=\"img\" aria-label=\"campaigns by severity, score and size\" xmlns=\"http://www.w3.org/2000/svg\" width=\"\(width)\" height=\"\(shown.count * rowH + 30)\" viewBox=\"0 0 \(width) \(shown.count * rowH + 30)\">\n"
        o += "<text x=\"\(left)\" y=\"14\" class=\"axis\">score (0–\(Int(peak)))</text>\n"
        for (i, c) in shown.enumerated() {
            let y = 22 + i * rowH
            let w = max(2, Int(Double(barMax) * max(0, c.score) / peak))
            o += "<text x=\"\(left - 8)\" y=\"\(y + 14)\" text-anchor=\"end\" class=\"label\">\(HTMLText.text(c.id, limit: 24))</text>"
            o +=
                "<rect x=\"\(left)\" y=\"\(y + 2)\" width=\"\(w)\" height=\"\(rowH - 6)\" fill=\"\(Self.colours[c.severity] ?? "#999")\"><title>\(HTMLText.text(c.id, limit: 80)): \(c.severity.rawValue), score \(JSONValue.number(c.score))</title></rect>"
            o +=
                "<text x=\"\(left + w + 6)\" y=\"\(y + 14)\" class=\"label\">\(JSONValue.number(c.score)) · \(c.severity.rawValue) · \(NumberText.grouped(c.accounts.count)) accounts · \(NumberText.grouped(c.requests)) requests</text>\n"
        }
        if report.campaigns.count > shown.count {
            o += "<text x=\"\(left)\" y=\"\(shown.count * rowH + 28)\" class=\"axis\">\(report.campaigns.count - shown.count) more in the table</text>"
        }
        return o + "</svg>\n"
    }

    func inputs() -> String {
        let n = NumberText.grouped
        var o =
            "<section id=\"inputs\"><h2>Inputs</h2>\n<table><tr><th>file</th><th>compression</th><th class=\"n\">size</th><th>SHA-256</th><th class=\"n\">lines</th><th class=\"n\">records</th><th class=\"n\">malformed</th><th class=\"n\">skipped</th><th>problem</th></tr>\n"
        for f in report.input.files {
            o += "<tr><td>\(HTMLText.text(f.path, limit: 200))</td><td>\(f.compression.rawValue)</td><td class=\"n\">\(n(f.sizeBytes))</td><td class=\"hash\">\(HTMLText.text(f.sha256 ?? "–"))</td>"
            o +=
                "<td class=\"n\">\(n(f.tally.lines))</td><td class=\"n\">\(n(f.tally.records))</td><td class=\"n\">\(n(f.tally.malformedTotal))</td><td class=\"n\">\(n(f.tally.skippedTotal))</td><td>\(HTMLText.text(f.error ?? "", limit: 300))</td></tr>\n"
        }
        o += "</table>\n"
        let t = report.input.tally
        if t.malformedTotal + t.skippedTotal > 0 {
            o += "<h3>Rejected lines</h3><table><tr><th>kind</th><th class=\"n\">lines</th><th>first at</th></tr>\n"
            for (k, v) in t.malformed.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
                o +=
                    "<tr><td>malformed: \(HTMLText.text(k.rawValue))</td><td class=\"n\">\(n(v))</td><td>\(HTMLText.text(t.malformedExamples[k]?.map(\.description).joined(separator: ", ") ?? "", limit: 400))</td></tr>\n"
            }
            for (k, v) in t.skipped.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
                o +=
                    "<tr><td>skipped: \(HTMLText.text(k.rawValue))</td><td class=\"n\">\(n(v))</td><td>\(HTMLText.text(t.skippedExamples[k]?.map(\.description).joined(separator: ", ") ?? "", limit: 400))</td></tr>\n"
            }
            o += "</table>\n"
        }
        let m = report.manifest
        o += "<h2 id=\"manifest\">Run manifest</h2>\n<table class=\"facts\">\n"
        o += row("tool", m.toolName + " " + m.toolVersion)
        o += "<tr><th>command</th><td><code>\(HTMLText.text(m.commandLine.joined(separator: " "), limit: 2000))</code></td></tr>\n"
        o += row("rule pack", "\(m.rulePackName) \(m.rulePackVersion) (sha256 \(m.rulePackSHA256))")
        if let a = m.accountsFile {
            o += row("accounts file", "\(a) (sha256 \(m.accountsFileSHA256 ?? "–"), \(n(m.accountsTally?.records ?? 0)) accounts, \(n(m.accountsTally?.malformedTotal ?? 0)) malformed lines)")
        }
        o += "</table>\n<details><summary>Parameters (\(m.parameters.count))</summary><table>\n"
        for (k, v) in m.parameters { o += "<tr><td>\(HTMLText.text(k))</td><td class=\"n\">\(JSONValue.number(v))</td></tr>\n" }
        return o + "</table></details></section>\n"
    }

    /// A two-cell row; the value is log-derived or tool text, escaped either way.
    func row(_ name: String, _ value: String) -> String { "<tr><th>\(HTMLText.escape(name))</th><td>\(HTMLText.text(value, limit: 2000))</td></tr>\n" }

    func badge(_ s: Severity) -> String { "<span class=\"sev \(s.rawValue)\">\(s.rawValue)</span>" }

    static let css = """
        body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:24px auto;max-width:1200px;padding:0 16px;color:#1c1c1c;background:#fff}
        h1{font-size:24px;margin:0 0 12px}h2{font-size:19px;margin:28px 0 8px;border-bottom:1px solid #ddd;padding-bottom:4px}h3{font-size:15px;margin:18px 0 6px}
        table{border-collapse:collapse;margin:6px 0 12px;font-size:13px}th,td{border:1px solid #ddd;padding:3px 7px;text-align:left;vertical-align:top}
        th{background:#f4f4f4}td.n,th.n{text-align:right;font-variant-numeric:tabular-nums}td{overflow-wrap:anywhere;max-width:520px}
        table.facts th{width:190px}.hash{font-family:ui-monospace,monospace;font-size:11px}code,.mono{font-family:ui-monospace,monospace;font-size:12px}
        .sev{display:inline-block;padding:0 7px;border-radius:9px;color:#fff;font-weight:600;font-size:12px}
        .sev.critical{background:#b71c1c}.sev.high{background:#e65100}.sev.medium{background:#f9a825;color:#222}.sev.low{background:#78909c}
        .warn{color:#b71c1c}section.campaign{border-top:3px solid #ddd;margin-top:26px}
        svg.chart{display:block;margin:8px 0;max-width:100%;height:auto;font-size:11px}svg .label{font-size:11px;fill:#222}svg .axis{font-size:11px;fill:#666}
        blockquote{margin:4px 0;padding:4px 10px;border-left:3px solid #ccc;color:#333;background:#fafafa;overflow-wrap:anywhere}
        .legend span{display:inline-block;margin-right:12px;font-size:12px}.legend i{display:inline-block;width:10px;height:10px;margin-right:4px}
        """
}
