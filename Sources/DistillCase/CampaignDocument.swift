import DistillReport
import DistillSupport
import Foundation

/// `distillscan show`: one campaign, whole, from a saved report (or a case database row
/// set in the same shape). Read from the JSON, so it shows any schema-1 report; every
/// value goes through `SafeText` as in the report itself.
package struct CampaignDocument {
    package var campaign: [String: Any]
    /// Where it came from, for the header line: a path (escaped when shown) and a note
    /// made of digits and words of ours (shown as is).
    package var source: String
    package var sourceNote: String = ""
    /// The campaign's entry in the report's `baseline` section, if any.
    package var change: [String: Any]?

    package init(campaign: [String: Any], source: String, change: [String: Any]? = nil) {
        self.campaign = campaign; self.source = source; self.change = change
    }

    package init(report: ReportFile, id: String) throws {
        let c = try report.campaign(id)
        let baseline = report.root["baseline"] as? [String: Any]
        let change = (baseline?["campaigns"] as? [[String: Any]])?.first { ($0["id"] as? String) == id }
        self.init(campaign: c, source: report.path, change: change)
        sourceNote = " (sha256 \(report.sha256))"
    }

    /// The campaign object, keys sorted (jq-friendly).
    package func json() -> String {
        let data = (try? JSONSerialization.data(withJSONObject: campaign, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])) ?? Data()
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    package func markdown() -> String {
        let c = campaign
        let id = str(c["id"]), sev = str(c["severity"]).uppercased()
        var o = "# Campaign \(SafeText.id(id)) — \(SafeText.markdown(sev, limit: 20)) (score \(num(c["score"])))\n\n"
        o += "From \(SafeText.markdown(source, limit: 300))\(sourceNote).\n\n"
        let accounts = (c["accounts"] as? [String]) ?? []
        o += "\(accounts.count) accounts, \(int(c["requests"])) requests, \(SafeText.markdown(str(c["first_seen"]), limit: 40)) → \(SafeText.markdown(str(c["last_seen"]), limit: 40)).\n"
        if let ch = change {
            o +=
                "\nSince the baseline: **\(SafeText.markdown(str(ch["status"]), limit: 20))**, +\((ch["added"] as? [Any])?.count ?? 0) / −\((ch["removed"] as? [Any])?.count ?? 0) members, severity \(SafeText.markdown(str(ch["severity_before"]), limit: 20)) → \(SafeText.markdown(str(ch["severity_after"]), limit: 20)), score \(num(ch["score_before"])) → \(num(ch["score_after"])).\n"
        }
        o += "\n## Why this is a campaign\n\n| signal | strength | evidence |\n|---|---:|---|\n"
        for s in (c["signals"] as? [[String: Any]]) ?? [] {
            o += "| \(SafeText.markdown(str(s["kind"]), limit: 40)) | \(num(s["strength"])) | \(SafeText.markdown(str(s["evidence"]), limit: 400)) |\n"
        }
        let benign = (c["benign_explanations"] as? [[String: Any]]) ?? []
        if !benign.isEmpty {
            o += "\n## Benign explanations considered\n\n| kind | applied | factor | strength | evidence |\n|---|---|---:|---:|---|\n"
            for b in benign {
                o +=
                    "| \(SafeText.markdown(str(b["kind"]), limit: 40)) | \((b["applied"] as? Bool) == true ? "yes" : "no") | \(num(b["factor"])) | \(num(b["strength"])) | \(SafeText.markdown(str(b["evidence"]), limit: 400)) |\n"
            }
        }
        if let rule = c["severity_rule"] as? String { o += "\nSeverity rule: \(SafeText.markdown(rule, limit: 300)).\n" }
        o += "\n## Members (\(accounts.count))\n\n"
        let members = (c["members"] as? [[String: Any]]) ?? accounts.map { ["account": $0] }
        o += "| account | requests | first seen | last seen | email domain | payment | country | top IP | top client | suspicion | linked by |\n"
        o += "|---|---:|---|---|---|---|---|---|---|---:|---|\n"
        for m in members {
            let ev = (m["evidence"] as? [String]) ?? []
            let cells = [
                SafeText.id(str(m["account"])), str(m["requests"]), cell(m["first_seen"]), cell(m["last_seen"]), cell(m["email_domain"]),
                cell(m["payment_fingerprint"]), cell(m["country"]), cell(m["top_ip"]), cell(m["top_client"]), num(m["suspicion"]),
                ev.isEmpty ? "–" : SafeText.markdown(ev.joined(separator: ", "), limit: 120) + " (\(int(m["links"])))",
            ]
            o += "| " + cells.joined(separator: " | ") + " |\n"
        }
        if let infra = c["infrastructure"] as? [String: Any] {
            o += "\n## Infrastructure\n\n| kind | value | accounts | requests |\n|---|---|---:|---:|\n"
            for (key, label) in [
                ("ips", "ip"), ("subnets", "subnet"), ("clients", "client"), ("payment_fingerprints", "payment"),
                ("email_domains", "email domain"), ("models", "model"),
            ] {
                for t in (infra[key] as? [[String: Any]]) ?? [] {
                    o += "| \(label) | \(SafeText.markdown(str(t["value"]), limit: 100)) | \(int(t["accounts"])) | \(int(t["requests"])) |\n"
                }
            }
        }
        let families = (c["prompt_families"] as? [[String: Any]]) ?? []
        if !families.isEmpty {
            o += "\n## Prompt families\n\n| share | accounts (outside) | template |\n|---:|---:|---|\n"
            for f in families {
                o +=
                    "| \(Int(((f["share"] as? NSNumber)?.doubleValue ?? 0) * 100 + 0.5))% | \(int(f["accounts"])) (\(int(f["outside_accounts"]))) | \(SafeText.markdown(str(f["template"]), limit: 240)) |\n"
            }
        }
        let timeline = (c["timeline"] as? [[String: Any]]) ?? []
        if !timeline.isEmpty {
            o += "\n## Timeline (requests per day)\n\n| day | requests |\n|---|---:|\n"
            for d in timeline { o += "| \(SafeText.markdown(str(d["day"]), limit: 20)) | \(int(d["requests"])) |\n" }
        }
        let samples = (c["samples"] as? [String]) ?? []
        if !samples.isEmpty {
            o += "\n## Sample prompts\n\n"
            for s in samples { o += "> \(SafeText.markdown(s, limit: 240))\n>\n" }
            o.removeLast(2)
        }
        return o
    }

    private func str(_ v: Any?) -> String {
        switch v {
        case let s as String: return s
        case let n as NSNumber: return n.stringValue
        default: return "–"
        }
    }
    private func int(_ v: Any?) -> Int { (v as? NSNumber)?.intValue ?? 0 }
    private func num(_ v: Any?) -> String { (v as? NSNumber).map { JSONValue.number($0.doubleValue) } ?? "–" }
    private func cell(_ v: Any?) -> String {
        guard let s = v as? String, !s.isEmpty else { return "–" }
        return SafeText.markdown(s, limit: 100)
    }
}
