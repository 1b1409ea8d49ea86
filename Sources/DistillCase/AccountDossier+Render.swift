import DistillDecode
import DistillProfile
import DistillReport
import DistillSupport

extension AccountDossier {
    static let topValues = 10

    func top<P>(_ b: BottomK<P>, _ name: (P) -> String) -> [(String, Int)] {
        b.entries.values.map { (name($0.payload), $0.count) }.sorted { ($1.1, $0.0) < ($0.1, $1.0) }.prefix(Self.topValues).map { $0 }
    }
    var infrastructure: [(String, [(String, Int)])] {
        [
            ("ips", top(profile.ips) { $0 }), ("subnets", top(profile.subnets) { $0 }), ("clients", top(profile.clients) { $0.display }),
            ("api_keys", top(profile.apiKeys) { $0 }), ("orgs", top(profile.orgs) { $0 }),
            ("models", profile.models.map { ($0.key, $0.value.requests) }.sorted { ($1.1, $0.0) < ($0.1, $1.0) }),
        ]
    }
    var timeline: [(String, Int)] { profile.days.sorted { $0.key < $1.key }.map { (Timestamp.day(Int64($0.key) * 86_400_000), $0.value) } }
    var intents: [(String, Double)] { IntentTag.allCases.map { ($0.rawValue, profile.intentShare($0)) } }
    var behaviour: [(String, Double)] {
        [
            ("extraction_share", profile.extractionShare), ("single_turn_share", profile.singleTurnShare), ("mean_output_tokens", profile.meanOutput),
            ("hit_limit_share", profile.hitLimitShare), ("large_max_tokens_share", profile.largeMaxTokensShare), ("tool_share", profile.toolShare),
            ("repeat_share", profile.repeatShare), ("hour_entropy", profile.hourEntropy),
        ]
    }

    package func json(input: InputSummary) -> JSONValue {
        let p = profile
        var infoJSON: JSONValue = .null
        if let i = info {
            infoJSON = .object([
                ("created_at", i.createdAt.map { .string(Timestamp.format($0)) } ?? .null), ("email_domain", .opt(i.emailDomain)),
                ("payment_fingerprint", .opt(i.paymentFingerprint)), ("country", .opt(i.billingCountry)),
                ("verified", i.verified.map { .bool($0) } ?? .null), ("org", .opt(i.org)),
            ])
        }
        return .object([
            ("schema_version", .int(1)), ("account", .string(id)),
            ("campaign", .opt(campaign)), ("severity", .opt(severity)), ("suspicious", .bool(isCandidate)), ("suspicion", .double(suspicion)),
            ("accounts_file", infoJSON),
            ("requests", .int(p.requests)), ("failed", .int(p.failed)),
            ("first_seen", p.requests > 0 ? .string(Timestamp.format(p.firstSeen)) : .null),
            ("last_seen", p.requests > 0 ? .string(Timestamp.format(p.lastSeen)) : .null),
            ("behaviour", .object(behaviour.map { ($0.0, .double($0.1)) })),
            ("intent", .object(intents.map { ($0.0, .double($0.1)) })),
            ("hours", .array(p.hours.map { .int($0) })),
            ("timeline", .array(timeline.map { .object([("day", .string($0.0)), ("requests", .int($0.1))]) })),
            ("infrastructure", .object(infrastructure.map { k, v in (k, .array(v.map { .object([("value", .string($0.0)), ("requests", .int($0.1))]) })) })),
            ("prompt_families", .array(families.map { .object([("template", .string($0.template)), ("share", .double($0.share)), ("accounts", .int($0.accounts))]) })),
            (
                "links",
                .array(
                    links.map { l in
                        .object([
                            ("account", .string(l.account)), ("campaign", .opt(l.campaign)), ("weight", .double(l.total)),
                            ("evidence", .object(l.weights.map { ($0.kind, .double($0.weight)) })),
                        ])
                    })
            ),
            ("input", .object([("files", .int(input.files.count)), ("records", .int(input.tally.records)), ("complete", .bool(input.complete))])),
        ])
    }

    package func markdown() -> String {
        let p = profile
        var o = "# Account \(SafeText.id(id))\n\n"
        if let c = campaign { o += "Member of campaign **\(SafeText.id(c))** (\(severity ?? "–")). " } else { o += "Not a member of any reported campaign. " }
        o += "Suspicious on its own: \(isCandidate ? "yes" : "no") (suspicion \(JSONValue.number(suspicion))).\n\n"
        o += "| | |\n|---|---|\n"
        o += "| requests | \(p.requests) (\(p.failed) failed) |\n"
        if p.requests > 0 { o += "| active | \(Timestamp.format(p.firstSeen)) → \(Timestamp.format(p.lastSeen)) |\n" }
        if let i = info {
            o += "| created | \(i.createdAt.map(Timestamp.format) ?? "–") |\n"
            o += "| email domain | \(cell(i.emailDomain)) |\n| payment | \(cell(i.paymentFingerprint)) |\n| country | \(cell(i.billingCountry)) |\n"
            o += "| verified | \(i.verified.map { $0 ? "yes" : "no" } ?? "–") |\n| org | \(cell(i.org)) |\n"
        } else {
            o += "| accounts file | no entry |\n"
        }
        o += "\n## Behaviour and intent\n\n| measure | value |\n|---|---:|\n"
        for (k, v) in behaviour { o += "| \(k.replacingOccurrences(of: "_", with: " ")) | \(JSONValue.number(v)) |\n" }
        for (k, v) in intents where v > 0 { o += "| intent: \(k) | \(JSONValue.number(v)) |\n" }
        o += "\n## Infrastructure\n\n| kind | value | requests |\n|---|---|---:|\n"
        for (k, vs) in infrastructure { for (v, n) in vs { o += "| \(k) | \(SafeText.markdown(v, limit: 100)) | \(n) |\n" } }
        if !families.isEmpty {
            o += "\n## Prompt families\n\n| share | accounts | template |\n|---:|---:|---|\n"
            for f in families { o += "| \(Int((f.share * 100).rounded()))% | \(f.accounts) | \(SafeText.markdown(f.template, limit: 240)) |\n" }
        }
        o += "\n## Linked accounts (\(links.count))\n\n"
        if links.isEmpty {
            o += "No kept evidence edge to another account.\n"
        } else {
            o += "| account | campaign | weight | evidence |\n|---|---|---:|---|\n"
            for l in links {
                let ev = l.weights.map { "\($0.kind) \(JSONValue.number($0.weight))" }.joined(separator: ", ")
                o += "| \(SafeText.id(l.account)) | \(l.campaign.map(SafeText.id) ?? "–") | \(JSONValue.number(l.total)) | \(ev) |\n"
            }
        }
        o += "\n## Timeline (requests per day)\n\n| day | requests |\n|---|---:|\n"
        for (d, n) in timeline { o += "| \(d) | \(n) |\n" }
        o += "\n## Hour of day (UTC)\n\n```text\n"
        let peak = max(1, p.hours.max() ?? 1)
        for (h, n) in p.hours.enumerated() {
            o +=
                (h < 10 ? "0" : "") + "\(h) " + String(repeating: " ", count: max(0, 6 - String(n).count)) + "\(n) " + String(repeating: "█", count: Int((Double(n) / Double(peak) * 40).rounded(.up)))
                + "\n"
        }
        o += "```\n"
        return o
    }

    private func cell(_ s: String?) -> String { s.map { SafeText.markdown($0, limit: 100) } ?? "–" }
}
