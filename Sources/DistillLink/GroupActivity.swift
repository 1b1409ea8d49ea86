import DistillProfile

/// How in step a candidate group's members are active: the (day, hour) overlap and its
/// lift over chance for pairs of its members — measured here, where the pair evidence
/// measures the same thing, so scoring reads the figure instead of deriving it again.
package struct GroupActivity: Sendable {
    /// Pairs of the first `sampledMembers` members (each member with every later one).
    package var pairs: [(overlap: Double, lift: Double)]

    /// A bound on the pairs measured (780 pairs), so a group of thousands costs no more
    /// than one of forty.
    static let sampledMembers = 40

    init(_ group: [Int], _ accounts: [AccountView]) {
        let slots = group.prefix(Self.sampledMembers).map { ActivitySlots(accounts[$0].profile) }
        var pairs: [(overlap: Double, lift: Double)] = []
        pairs.reserveCapacity(slots.count * (slots.count - 1) / 2)
        for i in slots.indices { for j in slots.indices where j > i { pairs.append(slots[i].sync(slots[j])) } }
        self.pairs = pairs
    }

    /// Mean overlap over the measured pairs, a pair whose lift is under `minLift` counting 0.
    package func meanOverlap(minLift: Double) -> Double {
        guard !pairs.isEmpty else { return 0 }
        var total = 0.0
        for p in pairs { total += p.lift >= minLift ? p.overlap : 0 }
        return total / Double(pairs.count)
    }
}
