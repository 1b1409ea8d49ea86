/// Creates account identities: ids, emails, cards, signup times.
struct AccountFactory {
    var rng: SplitMix
    var used = Set<String>()

    mutating func id() -> String {
        while true {
            let style = rng.int(0...2)
            let s: String
            switch style {
            case 0: s = "acct_" + rng.hex(10)
            case 1: s = "user-" + String(rng.int(100_000...9_999_999))
            default: s = "org" + rng.hex(4) + "_" + rng.hex(8)
            }
            if used.insert(s).inserted { return s }
        }
    }

    mutating func humanEmail(domain: String? = nil) -> String {
        let f = rng.pick(TextPools.firstNames), l = rng.pick(TextPools.lastNames)
        let local: String
        switch rng.int(0...3) {
        case 0: local = "\(f).\(l)"
        case 1: local = "\(f)\(l)\(rng.int(1...99))"
        case 2: local = "\(f.prefix(1))\(l)"
        default: local = "\(f)_\(l)\(rng.int(70...2005))"
        }
        return local + "@" + (domain ?? rng.pick(TextPools.commonMail))
    }

    mutating func card() -> String { "pm_" + rng.hex(14) }

    mutating func make(
        kind: String, group: String, population: String, createdAt: Int64, email: String, payment: String? = nil,
        verified: Bool = false, org: String? = nil, country: String? = nil
    ) -> SynthAccount {
        SynthAccount(
            id: id(), createdAt: createdAt, email: email, payment: payment ?? card(),
            country: country ?? rng.pick(TextPools.countries), verified: verified, org: org,
            kind: kind, group: group, population: population)
    }
}
