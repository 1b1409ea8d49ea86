import DistillDecode
import DistillScan
import DistillScore
import DistillSupport

/// The investigator's report: summary, then each campaign, most severe first. Every
/// value from the logs goes through `SafeText.markdown`.
struct MarkdownReport {
    let report: AnalysisReport

    func render() -> String {
        var o = "# distillscan report\n\n"
        o += summary()
        for s in report.sections { o += s.markdown }
        if report.campaigns.isEmpty {
            o += "\nNo coordinated campaign reached the reporting threshold.\n"
        }
        for (i, c) in report.campaigns.enumerated() { o += campaign(c, index: i + 1) }
        o += families()
        o += parameters()
        return o
    }

    func summary() -> String {
        let t = report.input.tally
        var o = "## Summary\n\n| | |\n|---|---|\n"
        o += "| inputs | \(report.input.files.count) file(s), \(report.input.bytes) bytes decompressed |\n"
        o += "| lines | \(t.lines) = \(t.records) records + \(t.malformedTotal) malformed + \(t.skippedTotal) skipped |\n"
        o += "| time range | \(report.input.firstTimestamp.map(Timestamp.format) ?? "–") → \(report.input.lastTimestamp.map(Timestamp.format) ?? "–") |\n"
        o += "| complete | \(report.input.complete ? "yes" : "**NO — some input could not be read; see Inputs**") |\n"
        o += "| accounts | \(report.accounts) seen, \(report.candidates) suspicious on their own |\n"
        let sev = Severity.allCases.reversed().map { "\(report.count($0)) \($0.rawValue)" }.joined(separator: ", ")
        o += "| campaigns | \(report.campaigns.count) (\(sev)) |\n"
        o += "| accounts in campaigns | \(report.campaigns.reduce(0) { $0 + $1.accounts.count }) |\n"
        o += "| requests in campaigns | \(report.campaigns.reduce(0) { $0 + $1.requests }) |\n"
        if !report.campaigns.isEmpty {
            o += "\n| campaign | severity | score | accounts | requests | first seen | last seen |\n|---|---|---:|---:|---:|---|---|\n"
            for c in report.campaigns {
                o += "| \(c.id) | \(c.severity.rawValue) | \(JSONValue.number(c.score)) | \(c.accounts.count) | \(c.requests) | \(Timestamp.format(c.firstSeen)) | \(Timestamp.format(c.lastSeen)) |\n"
            }
        }
        return o
    }

    func campaign(_ c: Campaign, index: Int) -> String {
        var o = "\n## \(index). Campaign \(c.id) — \(c.severity.rawValue.uppercased()) (score \(JSONValue.number(c.score)))\n\n"
        o += "\(c.accounts.count) accounts, \(c.requests) requests, \(Timestamp.format(c.firstSeen)) → \(Timestamp.format(c.lastSeen)).\n\n"
        o += "Severity rule: \(SafeText.markdown(c.severityRule, limit: 200)).\n\n"
        o += "### Why this is a campaign\n\n| signal | strength | points | evidence |\n|---|---:|---:|---|\n"
        for s in c.signals.sorted(by: { (-$0.weight, -$0.strength, $0.kind, $0.link ?? "") < (-$1.weight, -$1.strength, $1.kind, $1.link ?? "") }) {
            let name = s.kind.rawValue + (s.link.map { " (\($0))" } ?? "")
            o += "| \(name) | \(JSONValue.number(s.strength)) | \(JSONValue.number((s.weight * 10).rounded() / 10)) | \(SafeText.markdown(s.evidence, limit: 300)) |\n"
        }
        o += "\n### Benign explanations considered\n\n| explanation | applied | factor | evidence |\n|---|---|---:|---|\n"
        for b in c.benign {
            o += "| \(b.kind.rawValue) | \(b.applied ? "**yes**" : "no") | \(JSONValue.number(b.factor)) | \(SafeText.markdown(b.evidence, limit: 300)) |\n"
        }
        o += "\n### Members (\(c.accounts.count))\n\n"
        o += c.accounts.map { SafeText.id($0) }.joined(separator: ", ") + "\n"
        o += memberTable(c)
        o += "\n### Infrastructure\n\n| kind | value | accounts | requests |\n|---|---|---:|---:|\n"
        for (kind, tallies) in [("ip", c.ips), ("subnet", c.subnets), ("client", c.clients), ("payment", c.payments), ("email domain", c.emailDomains), ("model", c.models)] {
            for t in tallies.prefix(5) { o += "| \(kind) | \(SafeText.markdown(t.value, limit: 100)) | \(t.accounts) | \(t.requests) |\n" }
        }
        if !c.families.isEmpty {
            o += "\n### Prompt families\n\n| share | accounts (outside) | template |\n|---:|---:|---|\n"
            for f in c.families { o += "| \(pctText(f.share)) | \(f.accounts) (\(f.outsideAccounts)) | \(SafeText.markdown(f.template, limit: 240)) |\n" }
        }
        o += "\n### Timeline (requests per day)\n\n```text\n" + chart(c.timeline) + "```\n"
        if !c.samples.isEmpty {
            o += "\n### Sample prompts\n\n"
            for s in c.samples { o += "> \(SafeText.markdown(s, limit: 240))\n>\n" }
            o.removeLast(2)
        }
        return o
    }

    /// The most widely used families of the dump: a popular client's system prompt shows
    /// here as one family on many accounts, next to the campaigns' templates.
    func families() -> String {
        guard !report.familyStatistics.isEmpty else { return "" }
        var o = "\n## Prompt families across the dump\n\n| origin | accounts | suspicious | requests (est.) | duplicate rate | subnets | template |\n|---|---:|---:|---:|---:|---:|---|\n"
        for f in report.familyStatistics.prefix(10) {
            o += "| \(f.origin) | \(f.accounts) | \(f.suspiciousAccounts) | \(f.requestsEstimate) | \(pctText(f.duplicateRate)) | \(f.subnets) | \(SafeText.markdown(f.template, limit: 160)) |\n"
        }
        return o
    }

    /// A small text bar chart; only digits, dates and block characters.
    func chart(_ timeline: [(String, Int)]) -> String {
        let peak = max(1, timeline.map(\.1).max() ?? 1)
        var o = ""
        for (day, n) in timeline {
            let width = Int((Double(n) / Double(peak) * 40).rounded(.up))
            let count = String(n)
            o += day + " " + String(repeating: " ", count: max(0, 7 - count.count)) + count + " " + String(repeating: "█", count: width) + "\n"
        }
        return o
    }

    func parameters() -> String {
        var o = "\n## Inputs\n\n| file | compression | size | SHA-256 | lines | records | malformed | skipped | problem |\n|---|---|---:|---|---:|---:|---:|---:|---|\n"
        for f in report.input.files {
            o += "| \(SafeText.markdown(f.path, limit: 120)) | \(f.compression.rawValue) | \(f.sizeBytes) | \(f.sha256 ?? "–") | \(f.tally.lines) | \(f.tally.records) | \(f.tally.malformedTotal) | \(f.tally.skippedTotal) | \(f.error.map { SafeText.markdown($0, limit: 200) } ?? "") |\n"
        }
        o += InspectReport.rejections(report.input.tally)
        let m = report.manifest
        o += "\n## Run manifest\n\n"
        o += "- tool: \(m.toolName) \(m.toolVersion)\n"
        o += "- command: \(SafeText.markdown(m.commandLine.joined(separator: " "), limit: 400))\n"
        o += "- rule pack: \(SafeText.markdown(m.rulePackName, limit: 80)) \(SafeText.markdown(m.rulePackVersion, limit: 40)) (sha256 \(m.rulePackSHA256))\n"
        if let a = m.accountsFile { o += "- accounts file: \(SafeText.markdown(a, limit: 200)) (sha256 \(m.accountsFileSHA256 ?? "–"), \(m.accountsTally?.records ?? 0) accounts, \(m.accountsTally?.malformedTotal ?? 0) malformed lines)\n" }
        if !m.changedParameters.isEmpty {
            o += "- parameters changed from the defaults (--config): " + m.changedParameters.map { "\($0.name) \(JSONValue.number($0.value)) (default \(JSONValue.number($0.defaultValue)))" }.joined(separator: ", ") + "\n"
        }
        o += "\n<details><summary>Parameters (\(m.parameters.count))</summary>\n\n| parameter | value |\n|---|---:|\n"
        for (k, v) in m.parameters { o += "| \(k) | \(JSONValue.number(v)) |\n" }
        o += "\n</details>\n"
        return o
    }

    func pctText(_ x: Double) -> String { "\(Int((x * 100).rounded()))%" }
}
