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
        let t = report.input.tally, n = NumberText.grouped
        var o = "## Summary\n\n| | |\n|---|---|\n"
        o += "| inputs | \(report.input.files.count) file(s), \(n(report.input.bytes)) bytes decompressed |\n"
        o += "| lines | \(n(t.lines)) = \(n(t.records)) records + \(n(t.malformedTotal)) malformed + \(n(t.skippedTotal)) skipped |\n"
        o += "| time range | \(report.input.firstTimestamp.map(Timestamp.format) ?? "–") → \(report.input.lastTimestamp.map(Timestamp.format) ?? "–") |\n"
        o += "| complete | \(report.input.complete ? "yes" : "**NO — some input could not be read; see Inputs**") |\n"
        o += "| accounts | \(n(report.accounts)) seen, \(n(report.candidates)) suspicious on their own |\n"
        let sev = Severity.allCases.reversed().map { "\(report.count($0)) \($0.rawValue)" }.joined(separator: ", ")
        o += "| campaigns | \(report.campaigns.count) (\(sev)) |\n"
        o += "| accounts in campaigns | \(n(report.campaigns.reduce(0) { $0 + $1.accounts.count })) |\n"
        o += "| requests in campaigns | \(n(report.campaigns.reduce(0) { $0 &+ $1.requests })) |\n"
        if !report.campaigns.isEmpty {
            o += "\n| campaign | severity | score | accounts | requests | first seen | last seen |\n|---|---|---:|---:|---:|---|---|\n"
            for c in report.campaigns {
                o +=
                    "| \(SafeText.code(c.id)) | \(c.severity.rawValue) | \(JSONValue.number(c.score)) | \(n(c.accounts.count)) | \(n(c.requests)) | \(Timestamp.format(c.firstSeen)) | \(Timestamp.format(c.lastSeen)) |\n"
            }
        }
        return o
    }

    func campaign(_ c: Campaign, index: Int) -> String {
        let n = NumberText.grouped
        var o = "\n## \(index). Campaign \(SafeText.code(c.id, inTable: false)) — \(c.severity.rawValue.uppercased()) (score \(JSONValue.number(c.score)))\n\n"
        o += "\(n(c.accounts.count)) accounts, \(n(c.requests)) requests, \(Timestamp.format(c.firstSeen)) → \(Timestamp.format(c.lastSeen)).\n\n"
        o += "Severity rule: \(SafeText.markdown(c.severityRule.sentence, limit: 200)).\n\n"
        o += "### Why this is a campaign\n\n| signal | strength | points | evidence |\n|---|---:|---:|---|\n"
        for s in c.signals.sorted(by: { (-$0.weight, -$0.strength, $0.kind, $0.link ?? "") < (-$1.weight, -$1.strength, $1.kind, $1.link ?? "") }) {
            let name = s.kind.rawValue + (s.link.map { " (\($0))" } ?? "")
            o += "| \(name) | \(JSONValue.number(s.strength)) | \(JSONValue.number((s.weight * 10).rounded() / 10)) | \(SafeText.markdown(s.fact.sentence, limit: 300)) |\n"
        }
        o += "\n### Benign explanations considered\n\n| explanation | applied | factor | evidence |\n|---|---|---:|---|\n"
        for b in c.benign {
            o += "| \(b.kind.rawValue) | \(b.applied ? "**yes**" : "no") | \(JSONValue.number(b.factor)) | \(SafeText.markdown(b.fact.sentence, limit: 300)) |\n"
        }
        o += "\n### Members (\(n(c.accounts.count)))\n\n"
        o += c.accounts.map { SafeText.code($0, inTable: false) }.joined(separator: ", ") + "\n"
        o += memberTable(c)
        o += "\n### Infrastructure\n\n| kind | value | accounts | requests |\n|---|---|---:|---:|\n"
        for (kind, tallies) in [("ip", c.ips), ("subnet", c.subnets), ("client", c.clients), ("payment", c.payments), ("email domain", c.emailDomains), ("model", c.models)] {
            for t in tallies.prefix(5) { o += "| \(kind) | \(SafeText.code(t.value, limit: 100)) | \(n(t.accounts)) | \(n(t.requests)) |\n" }
        }
        if !c.families.isEmpty {
            o += "\n### Prompt families\n\n| share | accounts (outside) | template |\n|---:|---:|---|\n"
            for f in c.families { o += "| \(EvidenceNumber.percent(f.share)) | \(n(f.accounts)) (\(n(f.outsideAccounts))) | \(SafeText.code(f.template, limit: 240)) |\n" }
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
            let n = NumberText.grouped
            o +=
                "| \(f.origin) | \(n(f.accounts)) | \(n(f.suspiciousAccounts)) | \(n(f.requestsEstimate)) | \(EvidenceNumber.percent(f.duplicateRate)) | \(n(f.subnets)) | \(SafeText.code(f.template, limit: 160)) |\n"
        }
        return o
    }

    /// A small text bar chart; only digits, dates and block characters.
    func chart(_ timeline: [(day: Int32, requests: Int)]) -> String {
        let peak = max(1, timeline.map(\.requests).max() ?? 1)
        var o = ""
        for (dayNumber, n) in timeline {
            let day = Timestamp.day(Int64(dayNumber) * 86_400_000)
            let width = Int((Double(n) / Double(peak) * 40).rounded(.up))
            let count = NumberText.grouped(n)
            o += day + " " + String(repeating: " ", count: max(0, 9 - count.count)) + count + " " + String(repeating: "█", count: width) + "\n"
        }
        return o
    }

    func parameters() -> String {
        var o = "\n## Inputs\n\n| file | compression | size | SHA-256 | lines | records | malformed | skipped | problem |\n|---|---|---:|---|---:|---:|---:|---:|---|\n"
        for f in report.input.files {
            let n = NumberText.grouped
            o +=
                "| \(SafeText.code(f.path, limit: 120)) | \(f.compression.rawValue) | \(n(f.sizeBytes)) | \(f.sha256 ?? "–") | \(n(f.tally.lines)) | \(n(f.tally.records)) | \(n(f.tally.malformedTotal)) | \(n(f.tally.skippedTotal)) | \(f.error.map { SafeText.markdown($0, limit: 200) } ?? "") |\n"
        }
        o += InspectReport.rejections(report.input.tally)
        let m = report.manifest
        o += "\n## Run manifest\n\n"
        o += "- tool: \(m.toolName) \(m.toolVersion)\n"
        o += "- command: \(SafeText.markdown(m.commandLine.joined(separator: " "), limit: 400))\n"
        o += "- rule pack: \(SafeText.markdown(m.rulePackName, limit: 80)) \(SafeText.markdown(m.rulePackVersion, limit: 40)) (sha256 \(m.rulePackSHA256))\n"
        if let a = m.accountsFile {
            o +=
                "- accounts file: \(SafeText.markdown(a, limit: 200)) (sha256 \(m.accountsFileSHA256 ?? "–"), \(m.accountsTally?.records ?? 0) accounts, \(m.accountsTally?.malformedTotal ?? 0) malformed lines)\n"
        }
        if !m.changedParameters.isEmpty {
            o +=
                "- parameters changed from the defaults (--config): "
                + m.changedParameters.map { "\($0.name) \(JSONValue.number($0.value)) (default \(JSONValue.number($0.defaultValue)))" }.joined(separator: ", ") + "\n"
        }
        o += "\n<details><summary>Parameters (\(m.parameters.count))</summary>\n\n| parameter | value |\n|---|---:|\n"
        for (k, v) in m.parameters { o += "| \(k) | \(JSONValue.number(v)) |\n" }
        o += "\n</details>\n"
        return o
    }

}
