import DistillDecode
import DistillSupport

/// How a campaign is named, so that last week's finding can be followed this week.
///
/// Rule (docs/report.md): the id is `C-` + 10 hex digits of the stable hash of the one
/// member whose own stable hash is the smallest (the campaign's min-hash member). A
/// campaign keeps its id while that member stays in it: when members are added, the id
/// changes only if a newcomer hashes below the old minimum (probability a/(n+a) for `a`
/// added to `n`), and when members leave only if the min-hash member is one of them
/// (probability l/n). Campaigns never share a member, so no two get the same id.
/// `--baseline` (DistillCase) then carries a prior id over to the campaign that keeps
/// most of the prior campaign's members, whichever member names it.
package enum CampaignIdentity {
    /// The id of a campaign with these members (any order); `C-0000000000` for none.
    package static func id(members: [String]) -> String {
        guard let anchor = anchor(members) else { return "C-" + String(repeating: "0", count: 10) }
        return name(anchorHash: StableHash.mix(StableHash.string(anchor)))
    }

    /// The member the campaign is named after: the smallest stable hash, ties by id.
    package static func anchor(_ members: [String]) -> String? {
        members.min { (StableHash.string($0), $0) < (StableHash.string($1), $1) }
    }

    static func name(anchorHash h: UInt64) -> String {
        let hex = String(String(h, radix: 16).suffix(10))
        return "C-" + String(repeating: "0", count: max(0, 10 - hex.count)) + hex
    }
}
