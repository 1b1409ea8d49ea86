import DistillDecode
import DistillProfile
import DistillScore

/// `--redact`: a report safe to share. Payment fingerprints and email domains are
/// hashed, IPs truncated to /24 (IPv4) or /48 (IPv6); sample prompts are dropped and only
/// family templates shared by several accounts remain (numbers and slots masked).
public enum Redaction {
    public static func apply(_ r: AnalysisReport) -> AnalysisReport {
        var out = r
        out.campaigns = r.campaigns.map { c in
            var c = c
            c.ips = merge(c.ips.map { Tally(value: ProfileState.subnet(of: $0.value), accounts: $0.accounts, requests: $0.requests) })
            c.payments = c.payments.map { Tally(value: hash($0.value), accounts: $0.accounts, requests: $0.requests) }
            c.emailDomains = c.emailDomains.map { Tally(value: hash($0.value), accounts: $0.accounts, requests: $0.requests) }
            // Sample prompts are one user's words: dropped. Family templates are shared by
            // several accounts, with their variable parts as slots: kept. Signals and benign
            // explanations carry numbers only (no organisation names, no addresses).
            c.samples = []
            return c
        }
        // Dump-wide families: only those on at least 5 accounts (no single user's words).
        out.familyStatistics = r.familyStatistics.filter { $0.accounts >= 5 }
        return out
    }

    static func hash(_ s: String) -> String { "h:" + String(String(StableHash.string(s), radix: 16).prefix(12)) }

    static func merge(_ t: [Tally]) -> [Tally] {
        var acc: [String: Tally] = [:]
        for x in t { if var e = acc[x.value] { e.accounts += x.accounts; e.requests += x.requests; acc[x.value] = e } else { acc[x.value] = x } }
        return acc.values.sorted { ($1.accounts, $0.value) < ($0.accounts, $1.value) }
    }
}
