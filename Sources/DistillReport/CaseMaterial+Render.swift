import DistillDecode
import DistillProfile
import DistillScan
import DistillScore
import DistillSupport

extension AnalysisReport {
    /// The members of a campaign as rows, in the campaign's (sorted) account order.
    package func memberRows(_ c: Campaign) -> [MemberFigures] {
        c.accounts.map { members[$0] ?? MemberFigures(account: $0, requests: 0, firstSeen: 0, lastSeen: 0) }
    }

    /// A campaign's JSON with its `members` table appended.
    func campaignJSON(_ c: Campaign) -> JSONValue {
        guard case .object(var fields) = c.json else { return c.json }
        fields.append(("members", .array(memberRows(c).map(\.json))))
        return .object(fields)
    }

    var sectionsJSON: [(String, JSONValue)] { sections.map { ($0.key, $0.json) } }
}

extension MemberFigures {
    package var json: JSONValue {
        .object([
            ("account", .string(account)), ("requests", .int(requests)),
            ("first_seen", requests > 0 ? .string(Timestamp.format(firstSeen)) : .null),
            ("last_seen", requests > 0 ? .string(Timestamp.format(lastSeen)) : .null),
            ("email_domain", .opt(emailDomain)), ("payment_fingerprint", .opt(payment)), ("country", .opt(country)),
            ("top_ip", .opt(topIP)), ("top_client", .opt(topClient)),
            ("suspicion", .double(suspicion)), ("extraction_share", .double(extractionShare)),
            ("evidence", .array(evidence.map { .string($0) })), ("links", .int(links)),
        ])
    }
}
