#if canImport(Glibc)
import Glibc
#endif
import DistillDecode
import DistillProfile
import DistillScan
import DistillScore
import DistillSupport

/// `--redact`: a report safe to share. Payment fingerprints and email domains are
/// hashed, IPs truncated to /24 (IPv4) or /48 (IPv6) — with a port or brackets too —
/// and whatever else the IP field held is hashed; sample prompts are dropped and only
/// family templates shared by several accounts remain (numbers and slots masked).
public enum Redaction {
    public static func apply(_ r: AnalysisReport) -> AnalysisReport {
        var out = r
        out.campaigns = r.campaigns.map { c in
            var c = c
            c.ips = merge(c.ips.map { Tally(value: ip($0.value), accounts: $0.accounts, requests: $0.requests) })
            c.subnets = merge(c.subnets.map { Tally(value: subnet($0.value), accounts: $0.accounts, requests: $0.requests) })
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

    /// The /24 (IPv4) or /48 (IPv6) of an address written alone, with a port
    /// (`1.2.3.4:8080`, `[2001:db8::1]:443`) or IPv4-mapped; anything else hashed.
    static func ip(_ s: String) -> String {
        var a = Substring(s.trimmingSpaces())
        if a.hasPrefix("["), let close = a.firstIndex(of: "]") { a = a[a.index(after: a.startIndex)..<close] }
        else if a.filter({ $0 == ":" }).count == 1, let colon = a.firstIndex(of: ":") { a = a[..<colon] }  // IPv4:port
        if let zone = a.firstIndex(of: "%") { a = a[..<zone] }
        var v4 = in_addr()
        if inet_pton(AF_INET, String(a), &v4) == 1 {
            let b = withUnsafeBytes(of: &v4) { Array($0) }
            return "\(b[0]).\(b[1]).\(b[2]).0/24"
        }
        var v6 = in6_addr()
        if inet_pton(AF_INET6, String(a), &v6) == 1 {
            var bytes = withUnsafeBytes(of: &v6) { Array($0) }
            // IPv4-mapped (::ffff:a.b.c.d): the IPv4 rule.
            if bytes[0..<10].allSatisfy({ $0 == 0 }) && bytes[10] == 0xFF && bytes[11] == 0xFF {
                return "\(bytes[12]).\(bytes[13]).\(bytes[14]).0/24"
            }
            for i in 6..<16 { bytes[i] = 0 }
            var masked = in6_addr()
            withUnsafeMutableBytes(of: &masked) { $0.copyBytes(from: bytes) }
            var text = [CChar](repeating: 0, count: Int(INET6_ADDRSTRLEN))
            guard inet_ntop(AF_INET6, &masked, &text, socklen_t(text.count)) != nil else { return hash(s) }
            return String(cString: text) + "/48"
        }
        return hash(s)
    }

    /// A subnet as the profile wrote it (`1.2.3.0/24`, `2001:db8:1::/48`): its network
    /// address redacted like an IP; a subnet made from a non-address is hashed.
    static func subnet(_ s: String) -> String {
        guard let slash = s.lastIndex(of: "/") else { return hash(s) }
        let r = ip(String(s[..<slash]))
        return r.hasPrefix("h:") ? hash(s) : r
    }

    static func hash(_ s: String) -> String { "h:" + String(String(StableHash.string(s), radix: 16).prefix(12)) }

    static func merge(_ t: [Tally]) -> [Tally] {
        var acc: [String: Tally] = [:]
        for x in t { if var e = acc[x.value] { e.accounts += x.accounts; e.requests += x.requests; acc[x.value] = e } else { acc[x.value] = x } }
        return acc.values.sorted { ($1.accounts, $0.value) < ($0.accounts, $1.value) }
    }
}
