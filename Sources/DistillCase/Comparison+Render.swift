import DistillReport
import DistillSupport

extension Comparison {
    /// The `baseline` object of a report, and the body of `distillscan diff --format json`.
    package var json: JSONValue {
        .object([
            ("prior_report", .object([("path", .string(priorPath)), ("sha256", .string(priorSHA256)), ("campaigns", .int(priorCampaigns))])),
            ("counts", .object(CampaignChange.Status.allCases.map { ($0.rawValue, .int(count($0))) })),
            ("campaigns", .array(changes.map(\.json))),
            ("gone", .array(gone.map(\.json))),
        ])
    }

    /// A Markdown section: counts, one table row per campaign, then the member changes.
    package func markdown(title: String) -> String {
        var o = "\n## \(title)\n\n"
        o += "Compared with \(SafeText.markdown(priorPath, limit: 200)) (sha256 \(priorSHA256), \(priorCampaigns) campaign(s)): "
        o += CampaignChange.Status.allCases.map { "\(count($0)) \($0.rawValue)" }.joined(separator: ", ") + ".\n"
        let all = changes + gone
        guard !all.isEmpty else { return o }
        o += "\n| status | campaign | severity | score | accounts | added | removed | requests |\n|---|---|---|---:|---:|---:|---:|---:|\n"
        for c in all {
            let id = SafeText.id(c.id) + (c.reportID.map { $0 != c.id ? " (\(SafeText.id($0)) in the new report)" : "" } ?? "")
            let sev = arrow(c.severityBefore, c.severityAfter)
            let score = arrow(c.scoreBefore.map(JSONValue.number), c.scoreAfter.map(JSONValue.number))
            let requests = arrow(c.requestsBefore.map(String.init), c.requestsAfter.map(String.init))
            o +=
                "| \(c.status.rawValue) | \(id) | \(sev) | \(score) | \(arrow(c.status == .new ? nil : String(c.accountsBefore), c.status == .gone ? nil : String(c.accountsAfter))) | +\(c.added.count) | −\(c.removed.count) | \(requests) |\n"
        }
        let moved = all.filter { $0.status != .unchanged && $0.status != .new && (!$0.added.isEmpty || !$0.removed.isEmpty) }
        if !moved.isEmpty {
            o += "\n### Member changes\n\n"
            for c in moved {
                o += "- \(SafeText.id(c.id)) (\(c.status.rawValue))"
                if !c.added.isEmpty { o += " — added: " + list(c.added) }
                if !c.removed.isEmpty { o += " — removed: " + list(c.removed) }
                o += "\n"
            }
        }
        return o
    }

    private func arrow(_ a: String?, _ b: String?) -> String {
        switch (a, b) {
        case let (x?, y?): return x == y ? x : "\(x) → \(y)"
        case let (nil, y?): return y
        case let (x?, nil): return x + " → –"
        default: return "–"
        }
    }

    private func list(_ ids: [String]) -> String {
        let shown = ids.prefix(20).map(SafeText.id).joined(separator: ", ")
        return ids.count > 20 ? shown + " and \(ids.count - 20) more" : shown
    }
}

extension CampaignChange {
    package var json: JSONValue {
        var score: JSONValue = .null
        if let a = scoreBefore, let b = scoreAfter { score = .double(b - a) }
        return .object([
            ("status", .string(status.rawValue)), ("id", .string(id)), ("prior_id", .opt(priorID)), ("report_id", .opt(reportID)),
            ("severity_before", .opt(severityBefore)), ("severity_after", .opt(severityAfter)),
            ("score_before", scoreBefore.map { .double($0) } ?? .null), ("score_after", scoreAfter.map { .double($0) } ?? .null),
            ("score_change", score),
            ("accounts_before", .int(accountsBefore)), ("accounts_after", .int(accountsAfter)),
            ("requests_before", .opt(requestsBefore)), ("requests_after", .opt(requestsAfter)),
            ("added", .array(added.map { .string($0) })), ("removed", .array(removed.map { .string($0) })),
        ])
    }
}
