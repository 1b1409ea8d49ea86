/// The kinds of evidence that link two accounts.
package enum EvidenceKind: String, CaseIterable, Sendable, Comparable {
    case payment, ip, subnet, client, emailDomain = "email_domain", signup, family, sync, lockstep, handoff
    package static func < (a: Self, b: Self) -> Bool { a.rawValue < b.rawValue }
}

/// Weighted evidence between two accounts, by kind.
package struct PairEvidence: Sendable {
    // One stored field per kind: no heap allocation per pair.
    var payment = 0.0, ip = 0.0, subnet = 0.0, client = 0.0, emailDomain = 0.0, signup = 0.0, family = 0.0, sync = 0.0, lockstep = 0.0, handoff = 0.0
    package init() {}
    package var total: Double { payment + ip + subnet + client + emailDomain + signup + family + sync + lockstep + handoff }
    package var weights: [Double] { EvidenceKind.allCases.map { self[$0] } }
    package subscript(_ k: EvidenceKind) -> Double {
        get {
            switch k {
            case .payment: return payment
            case .ip: return ip
            case .subnet: return subnet
            case .client: return client
            case .emailDomain: return emailDomain
            case .signup: return signup
            case .family: return family
            case .sync: return sync
            case .lockstep: return lockstep
            case .handoff: return handoff
            }
        }
        set {
            switch k {
            case .payment: payment = newValue
            case .ip: ip = newValue
            case .subnet: subnet = newValue
            case .client: client = newValue
            case .emailDomain: emailDomain = newValue
            case .signup: signup = newValue
            case .family: family = newValue
            case .sync: sync = newValue
            case .lockstep: lockstep = newValue
            case .handoff: handoff = newValue
            }
        }
    }
}

/// A kept edge between accounts `a < b` (indexes into the account list).
package struct Edge: Sendable {
    package var a: Int
    package var b: Int
    package var evidence: PairEvidence
}
