import DistillLink
import DistillScore

/// The sentences of the evidence tables: the scorer hands typed measures, the report says
/// them in words (every channel — Markdown, HTML, JSON, the case database — the same way).
extension SignalFact {
    /// Extraction tags under this share of the requests are left out of the sentence.
    static let shownTagShare = 0.02

    package var sentence: String {
        switch self {
        case .extractionIntent(let requests, let phrase, let shape, let tags):
            let shown = tags.filter { $0.share >= Self.shownTagShare }.map { "\($0.tag.rawValue) \(EvidenceNumber.percent($0.share))" }
            return "\(EvidenceNumber.percent(phrase)) of \(requests) requests match extraction rules"
                + (shown.isEmpty ? "" : " (\(shown.joined(separator: ", ")))")
                + "; \(EvidenceNumber.percent(shape)) are single-turn asks for a long output"
        case .outputAppetite(let mean, let hitLimit, let large, let largeMaxTokens):
            return "mean output \(EvidenceNumber.whole(mean)) tokens, \(EvidenceNumber.percent(hitLimit)) of outputs stop at the token limit, "
                + "\(EvidenceNumber.percent(large)) ask for max_tokens ≥ \(largeMaxTokens)"
        case .automation(let singleTurn, let entropy):
            return "\(EvidenceNumber.percent(singleTurn)) single-turn requests; hour-of-day entropy \(EvidenceNumber.decimal(entropy)) (1 = flat, 24/7)"
        case .coordination(let edges, let linked, let accounts):
            return "\(edges) evidence edges link \(linked) of \(accounts) accounts"
        case .linkage(let kind, let pairs, let meanWeight):
            return "\(pairs) linked account pairs \(Self.label(kind)) (mean weight \(EvidenceNumber.decimal(meanWeight)))"
        case .modelPivot(let model, let lag, let share, let others):
            return "moved to \(model) \(EvidenceNumber.decimal(lag)) h after its first appearance; it carries \(EvidenceNumber.percent(share)) "
                + "of the group's requests vs \(EvidenceNumber.percent(others)) for all other accounts"
        }
    }

    static func label(_ kind: EvidenceKind) -> String {
        switch kind {
        case .payment: "share a payment fingerprint"
        case .ip: "share rare IP addresses"
        case .subnet: "share a /24 or /48 subnet"
        case .client: "share a rare user-agent + TLS fingerprint"
        case .emailDomain: "share an uncommon email domain"
        case .signup: "signed up within the same burst"
        case .family: "share prompt families"
        case .sync: "are active in the same hours"
        case .lockstep: "fire in the same minutes of the hour (lockstep)"
        case .handoff: "hand traffic off sequentially (one stops, the next starts)"
        }
    }
}

extension BenignFact {
    package var sentence: String {
        typealias N = EvidenceNumber
        switch self {
        case .repeatedPrompts(let share, let threshold):
            return "the median account repeats an identical earlier prompt in \(N.percent(share)) of its requests "
                + "(an evaluation harness re-running a fixed set repeats ≥ \(N.percent(threshold)))"
        case .fixedSetReplay(let share, let appetite, let shareThreshold, let appetiteFloor):
            return "\(N.percent(share)) of the members' sampled prompts are sent verbatim by two or more members, with output appetite "
                + "\(N.decimal(appetite)) (a fixed set replayed for evaluation when ≥ \(N.percent(shareThreshold)) and appetite < \(N.decimal(appetiteFloor)))"
        case .batchPipeline(let orgs, let mean, let short):
            return "\(orgs) declared organisation(s), mean output \(N.whole(mean)) tokens "
                + "(one organisation with outputs under \(N.whole(short)) tokens is a batch pipeline)"
        case .verifiedOrganisation(let verified, let members, let orgs):
            return "\(verified) of \(members) members are verified; \(orgs) declared organisation(s) (all verified in one organisation: one customer's keys)"
        case .widespreadClient(let share, let minAccounts, let threshold):
            return "\(N.percent(share)) of requests carry a system prompt used by ≥ \(minAccounts) accounts (a widespread client when ≥ \(N.percent(threshold)))"
        case .independentInfrastructure(let share, let threshold, let appetiteFloor):
            return "\(N.percent(share)) of the evidence edges carry shared cards, IPs, subnets, email domains or signup bursts "
                + "(independent customers behind a shared template when < \(N.percent(threshold)) and appetite < \(N.decimal(appetiteFloor)))"
        }
    }
}

extension SeverityRule {
    package var sentence: String {
        typealias N = EvidenceNumber
        switch self {
        case .score(let severity, let threshold, let minAccounts):
            return "score ≥ \(N.whole(threshold))" + (minAccounts.map { " with ≥ \($0) accounts" } ?? "") + ": \(severity.rawValue)"
        case .cappedLow(let intent, let intentFloor, let appetite, let appetiteFloor):
            return "capped at low: extraction intent \(N.percent(intent)) < \(N.percent(intentFloor)) "
                + "and observed output appetite \(N.decimal(appetite)) < \(N.decimal(appetiteFloor))"
        }
    }
}

/// Numbers as the evidence sentences write them; values from the logs can be any size, so
/// each conversion saturates instead of trapping.
enum EvidenceNumber {
    /// The integer part (toward zero), saturated to `Int`'s range; 0 for NaN.
    static func whole(_ x: Double) -> String { String(saturatedInt(x)) }

    /// `42%`.
    static func percent(_ x: Double) -> String { "\(saturatedInt((x * 100).rounded()))%" }

    /// Two decimals: `0.87`, `12.50`.
    static func decimal(_ x: Double) -> String {
        let v = (x * 100).rounded() / 100
        return String(saturatedInt(v)) + "." + String(saturatedInt((abs(v) * 100).rounded()) % 100).leftPadded(2)
    }

    static func saturatedInt(_ x: Double) -> Int {
        guard !x.isNaN else { return 0 }
        if x >= 9.2e18 { return Int.max }
        if x <= -9.2e18 { return Int.min }
        return Int(x)
    }
}

extension String {
    fileprivate func leftPadded(_ n: Int) -> String { count >= n ? self : String(repeating: "0", count: n - count) + self }
}
