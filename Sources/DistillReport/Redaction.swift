import DistillDecode
import DistillInput
import DistillProfile
import DistillScan
import DistillScore
import DistillSupport

#if canImport(Glibc)
import Glibc
#endif

/// `--redact`: a report safe to share. Payment fingerprints, email domains and whatever
/// the IP field held that is not an address are replaced by a keyed hash
/// (HMAC-SHA256, `h:` and 16 hex digits): without the key nobody can hash a guessed card
/// or domain and look for it, yet equal values stay equal inside the report. IPs are cut
/// to /24 (IPv4) or /48 (IPv6) — with a port or brackets too. Sample prompts and
/// system-prompt families are dropped; only user-prompt family templates shared by
/// several accounts remain (numbers and slots masked). Evidence is typed numbers; model
/// names (the models table, a pivot's model) are free log text and are scrubbed of every
/// value masked elsewhere and of any address or e-mail they hold. With
/// `pseudonymousAccounts` account ids become `acct-0001`, … in report order.
package struct Redaction: Sendable {
    package var hmac: HMACSHA256
    package var pseudonymousAccounts: Bool

    package init(key: [UInt8], pseudonymousAccounts: Bool = false) {
        hmac = HMACSHA256(key: key)
        self.pseudonymousAccounts = pseudonymousAccounts
    }

    /// The keyed hash of a value as the report shows it.
    package func hash(_ s: String) -> String { "h:" + String(hmac.hex(s).prefix(16)) }

    /// An address cut to its network, anything else hashed.
    package func ip(_ s: String) -> String { Self.network(s) ?? hash(s) }

    /// A subnet as the profile wrote it (`1.2.3.0/24`, `2001:db8:1::/48`): its network
    /// address redacted like an IP; a subnet made from a non-address is hashed.
    func subnet(_ s: String) -> String {
        guard let slash = s.lastIndex(of: "/"), let net = Self.network(String(s[..<slash])) else { return hash(s) }
        return net
    }

    package func apply(_ r: AnalysisReport) -> AnalysisReport {
        var out = r
        var scrub = TextScrub()
        let rename = pseudonymousAccounts ? Self.pseudonyms(r) : [:]
        func account(_ a: String) -> String { rename[a] ?? a }
        func masked(_ t: [Tally], _ f: (String) -> String) -> [Tally] {
            Self.merge(
                t.map { x in
                    let v = f(x.value); scrub.add(x.value, v); return Tally(value: v, accounts: x.accounts, requests: x.requests)
                })
        }
        out.campaigns = r.campaigns.map { c in
            var c = c
            c.ips = masked(c.ips, ip)
            c.subnets = masked(c.subnets, subnet)
            c.payments = masked(c.payments, hash)
            c.emailDomains = masked(c.emailDomains, hash)
            c.accounts = c.accounts.map(account).sorted()
            // Sample prompts are one user's words: dropped. Family templates are shared by
            // several accounts, with their variable parts as slots: kept.
            c.samples = []
            return c
        }
        out.members = Dictionary(
            uniqueKeysWithValues: r.members.map { (a, m) in
                var m = m
                m.account = account(a)
                if let p = m.payment { let v = hash(p); scrub.add(p, v); m.payment = v }
                if let d = m.emailDomain { let v = hash(d); scrub.add(d, v); m.emailDomain = v }
                if let i = m.topIP { let v = ip(i); scrub.add(i, v); m.topIP = v }
                return (m.account, m)
            })
        out.edges = r.edges.map { e in
            var e = e; e.a = account(e.a); e.b = account(e.b); return e
        }
        for (a, p) in rename { scrub.add(a, p) }
        // The evidence is typed numbers; the one piece of log text in it is a model name
        // (the pivot), free text like the models table: any value masked elsewhere, and any
        // address or e-mail written in it, is masked there too.
        out.campaigns = out.campaigns.map { c in
            var c = c
            c.models = Self.merge(c.models.map { Tally(value: scrub.apply($0.value, self), accounts: $0.accounts, requests: $0.requests) })
            c.signals = c.signals.map { s in
                guard case .modelPivot(let model, let lag, let share, let others) = s.fact else { return s }
                var s = s
                s.fact = .modelPivot(model: scrub.apply(model, self), lagHours: lag, groupShare: share, othersShare: others)
                return s
            }
            return c
        }
        // Dump-wide families: user-prompt templates on at least 5 accounts only (no single
        // user's words); system prompts (a customer's own instructions) are dropped.
        out.familyStatistics = r.familyStatistics.filter { $0.accounts >= 5 && $0.origin != "system" }
        return out
    }

    /// `acct-0001`, … numbered in report order: campaign by campaign, members in order.
    static func pseudonyms(_ r: AnalysisReport) -> [String: String] {
        var names: [String: String] = [:]
        for c in r.campaigns {
            for a in c.accounts where names[a] == nil {
                let n = String(names.count + 1)
                names[a] = "acct-" + String(repeating: "0", count: max(0, 4 - n.count)) + n
            }
        }
        return names
    }

    /// The /24 (IPv4) or /48 (IPv6) of an address written alone, with a port
    /// (`1.2.3.4:8080`, `[2001:db8::1]:443`) or IPv4-mapped; nil for anything else.
    package static func network(_ s: String) -> String? {
        var a = Substring(s.trimmingSpaces())
        if a.hasPrefix("["), let close = a.firstIndex(of: "]") {
            a = a[a.index(after: a.startIndex)..<close]
        } else if a.filter({ $0 == ":" }).count == 1, let colon = a.firstIndex(of: ":") {
            a = a[..<colon]
        }  // IPv4:port
        if let zone = a.firstIndex(of: "%") { a = a[..<zone] }
        var v4 = in_addr()
        // SAFETY: inet_pton writes one 4-byte `in_addr` into the local `v4` (its text is a NUL-terminated temporary); the bytes are copied out at once.
        if inet_pton(AF_INET, String(a), &v4) == 1 {
            let b = withUnsafeBytes(of: &v4) { Array($0) }
            return "\(b[0]).\(b[1]).\(b[2]).0/24"
        }
        var v6 = in6_addr()
        // SAFETY: inet_pton writes one 16-byte `in6_addr` into the local `v6`; the bytes are copied out at once.
        guard inet_pton(AF_INET6, String(a), &v6) == 1 else { return nil }
        var bytes = withUnsafeBytes(of: &v6) { Array($0) }
        // IPv4-mapped (::ffff:a.b.c.d): the IPv4 rule.
        if bytes[0..<10].allSatisfy({ $0 == 0 }) && bytes[10] == 0xFF && bytes[11] == 0xFF {
            return "\(bytes[12]).\(bytes[13]).\(bytes[14]).0/24"
        }
        for i in 6..<16 { bytes[i] = 0 }
        var masked = in6_addr()
        // SAFETY: `bytes` has exactly the 16 bytes of an `in6_addr`, so the copy fills `masked` without overrun.
        withUnsafeMutableBytes(of: &masked) { $0.copyBytes(from: bytes) }
        var text = [CChar](repeating: 0, count: Int(INET6_ADDRSTRLEN))
        // SAFETY: `text` has INET6_ADDRSTRLEN bytes and that length is passed, so inet_ntop writes within it (NUL-terminated).
        guard inet_ntop(AF_INET6, &masked, &text, socklen_t(text.count)) != nil else { return nil }
        return String(cString: text) + "/48"
    }

    static func merge(_ t: [Tally]) -> [Tally] {
        var acc: [String: Tally] = [:]
        for x in t { if var e = acc[x.value] { e.accounts += x.accounts; e.requests += x.requests; acc[x.value] = e } else { acc[x.value] = x } }
        return acc.values.sorted { ($1.accounts, $0.value) < ($0.accounts, $1.value) }
    }
}
