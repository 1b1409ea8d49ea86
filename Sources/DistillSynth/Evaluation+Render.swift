extension Evaluation {
    package func markdown() -> String {
        var o = "# distillscan eval\n\n| measure | value |\n|---|---:|\n"
        o += "| account precision | \(f(precision)) |\n| account recall | \(f(recall)) |\n| account F1 | \(f(f1)) |\n"
        o += "| B-cubed precision | \(f(bcubedPrecision)) |\n| B-cubed recall | \(f(bcubedRecall)) |\n| B-cubed F1 | \(f(bcubedF1)) |\n"
        o += "| reported accounts | \(reportedAccounts) |\n| campaign accounts in truth | \(truthCampaignAccounts) |\n"
        o += "| benign accounts at medium+ | \(benignAtMediumOrAbove) |\n"
        o += "\n## Campaigns\n\n| id | style | accounts | recall | fragments |\n|---|---|---:|---:|---:|\n"
        for c in campaigns { o += "| \(c.id) | \(c.style) | \(c.size) | \(f(c.recall)) | \(c.fragments) |\n" }
        o += "\n## False positives by benign population\n\n"
        if falsePositives.isEmpty {
            o += "None.\n"
        } else {
            o += "| population | accounts | worst severity |\n|---|---:|---|\n"
            for p in falsePositives { o += "| \(p.population) | \(p.accounts) | \(p.worstSeverity) |\n" }
        }
        return o
    }

    package func json() -> String {
        var o = "{\n  \"account\": {\"precision\": \(f(precision)), \"recall\": \(f(recall)), \"f1\": \(f(f1))},\n"
        o += "  \"bcubed\": {\"precision\": \(f(bcubedPrecision)), \"recall\": \(f(bcubedRecall)), \"f1\": \(f(bcubedF1))},\n"
        o += "  \"reported_accounts\": \(reportedAccounts),\n  \"truth_campaign_accounts\": \(truthCampaignAccounts),\n"
        o += "  \"benign_at_medium_or_above\": \(benignAtMediumOrAbove),\n"
        o +=
            "  \"campaigns\": ["
            + campaigns.map { "{\"id\": \"\($0.id)\", \"style\": \"\($0.style)\", \"accounts\": \($0.size), \"recall\": \(f($0.recall)), \"fragments\": \($0.fragments)}" }.joined(separator: ", ")
            + "],\n"
        o +=
            "  \"false_positives\": ["
            + falsePositives.map { "{\"population\": \"\($0.population)\", \"accounts\": \($0.accounts), \"worst_severity\": \"\($0.worstSeverity)\"}" }.joined(separator: ", ") + "]\n}\n"
        return o
    }

    func f(_ x: Double) -> String {
        let v = Int((x * 1000).rounded())
        return "\(v / 1000).\(String(v % 1000).count < 3 ? String(repeating: "0", count: 3 - String(v % 1000).count) + String(v % 1000) : String(v % 1000))"
    }
}
