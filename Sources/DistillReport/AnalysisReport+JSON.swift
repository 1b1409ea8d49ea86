import DistillDecode
import DistillScan
import DistillScore
import DistillSupport

extension AnalysisReport {
    /// The report contract (`schema_version` 1); see docs/report.schema.json.
    package func json() -> JSONValue {
        .object(
            [
                ("schema_version", .int(1)),
                ("tool", .object([("name", .string(manifest.toolName)), ("version", .string(manifest.toolVersion))])),
                ("input", input.json()),
                ("parameters", .object(manifest.parameters.map { ($0.0, .double($0.1)) })),
                ("manifest", manifestJSON),
                (
                    "summary",
                    .object([
                        ("accounts", .int(accounts)), ("suspicious_accounts", .int(candidates)), ("prompt_families", .int(families)),
                        ("campaigns", .int(campaigns.count)),
                        ("by_severity", .object(Severity.allCases.reversed().map { ($0.rawValue, .int(count($0))) })),
                        ("accounts_in_campaigns", .int(campaigns.reduce(0) { $0 + $1.accounts.count })),
                        ("requests_in_campaigns", .int(campaigns.reduce(0) { $0 + $1.requests })),
                    ])
                ),
                (
                    "prompt_families",
                    .array(
                        familyStatistics.map { f in
                            .object([
                                ("origin", .string(f.origin)), ("template", .string(f.template)), ("accounts", .int(f.accounts)),
                                ("suspicious_accounts", .int(f.suspiciousAccounts)), ("requests_estimate", .int(f.requestsEstimate)),
                                ("duplicate_rate", .double(f.duplicateRate)), ("subnets", .int(f.subnets)),
                            ])
                        })
                ),
                ("campaigns", .array(campaigns.map(campaignJSON))),
            ] + sectionsJSON)
    }

    var manifestJSON: JSONValue {
        var m: [(String, JSONValue)] = [
            ("command_line", .array(manifest.commandLine.map { .string($0) })),
            (
                "rule_pack",
                .object([
                    ("name", .string(manifest.rulePackName)), ("version", .string(manifest.rulePackVersion)),
                    ("sha256", .string(manifest.rulePackSHA256)),
                ])
            ),
        ]
        if let a = manifest.accountsFile {
            m.append(
                (
                    "accounts_file",
                    .object([
                        ("path", .string(a)), ("sha256", .opt(manifest.accountsFileSHA256)),
                        ("lines", .int(manifest.accountsTally?.lines ?? 0)), ("records", .int(manifest.accountsTally?.records ?? 0)),
                        ("malformed", .int(manifest.accountsTally?.malformedTotal ?? 0)),
                    ])
                ))
        } else {
            m.append(("accounts_file", .null))
        }
        m.append(
            (
                "parameters_changed",
                .array(
                    manifest.changedParameters.map {
                        .object([("name", .string($0.name)), ("value", .double($0.value)), ("default", .double($0.defaultValue))])
                    })
            ))
        return .object(m)
    }
}

extension Campaign {
    package var json: JSONValue {
        .object([
            ("id", .string(id)),
            ("severity", .string(severity.rawValue)),
            ("score", .double(score)),
            ("accounts", .array(accounts.map { .string($0) })),
            ("account_count", .int(accounts.count)),
            ("requests", .int(requests)),
            ("first_seen", .string(Timestamp.format(firstSeen))),
            ("last_seen", .string(Timestamp.format(lastSeen))),
            ("severity_rule", .string(severityRule.sentence)),
            (
                "signals",
                .array(
                    signals.map { s in
                        .object([
                            ("kind", .string(s.kind.rawValue)), ("link", .opt(s.link)), ("strength", .double(s.strength)), ("weight", .double(s.weight)),
                            ("counts", .object(s.counts.map { ($0.0, .double($0.1)) })), ("evidence", .string(s.fact.sentence)),
                        ])
                    })
            ),
            (
                "benign_explanations",
                .array(
                    benign.map { b in
                        .object([
                            ("kind", .string(b.kind.rawValue)), ("applied", .bool(b.applied)), ("factor", .double(b.factor)),
                            ("strength", .double(b.strength)), ("counts", .object(b.counts.map { ($0.0, .double($0.1)) })), ("evidence", .string(b.fact.sentence)),
                        ])
                    })
            ),
            (
                "prompt_families",
                .array(
                    families.map {
                        .object([
                            ("template", .string($0.template)), ("share", .double($0.share)), ("accounts", .int($0.accounts)),
                            ("outside_accounts", .int($0.outsideAccounts)),
                        ])
                    })
            ),
            (
                "infrastructure",
                .object([
                    ("ips", Self.tallies(ips)), ("subnets", Self.tallies(subnets)), ("clients", Self.tallies(clients)),
                    ("payment_fingerprints", Self.tallies(payments)), ("email_domains", Self.tallies(emailDomains)),
                    ("models", Self.tallies(models)),
                ])
            ),
            ("timeline", .array(timeline.map { .object([("day", .string(Timestamp.day(Int64($0.day) * 86_400_000))), ("requests", .int($0.requests))]) })),
            ("samples", .array(samples.map { .string($0) })),
        ])
    }

    static func tallies(_ t: [Tally]) -> JSONValue {
        .array(t.map { .object([("value", .string($0.value)), ("accounts", .int($0.accounts)), ("requests", .int($0.requests))]) })
    }
}
