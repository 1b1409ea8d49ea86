/// The kinds of evidence that link two accounts.
public enum EvidenceKind: String, CaseIterable, Sendable, Comparable {
    case payment, ip, subnet, client, emailDomain = "email_domain", signup, family, sync, handoff
    public static func < (a: Self, b: Self) -> Bool { a.rawValue < b.rawValue }
}

/// Weighted evidence between two accounts, by kind.
public struct PairEvidence: Sendable {
    public var weights = [Double](repeating: 0, count: EvidenceKind.allCases.count)
    public var total: Double { weights.reduce(0, +) }
    public subscript(_ k: EvidenceKind) -> Double {
        get { weights[EvidenceKind.allCases.firstIndex(of: k)!] }
        set { weights[EvidenceKind.allCases.firstIndex(of: k)!] = newValue }
    }
}

/// A kept edge between accounts `a < b` (indexes into the account list).
public struct Edge: Sendable {
    public var a: Int
    public var b: Int
    public var evidence: PairEvidence
}
