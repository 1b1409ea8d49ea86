import DistillDecode
import DistillProfile
import DistillSupport

#if canImport(Glibc)
import Glibc
#endif

/// The evidence between candidates that needs no prompt families: shared payment
/// fingerprints, IP and subnet overlap, rare clients, uncommon email domains and signup
/// bursts, weighted by rarity over all accounts so that NAT, CGNAT, proxy hubs, popular
/// clients and common mail providers never chain unrelated accounts together. Built
/// while the prompt families are mined.
struct AttributeEvidence: Sendable {
    var pairs: PairAccumulator

    init(accounts: [AccountView], candidates: [Int], params: LinkParameters) {
        var pairs = PairAccumulator()
        func pairUp(_ members: [Int], _ body: (Int, Int) -> Void) {
            let m = members.sorted()
            for i in 0..<m.count { for j in (i + 1)..<m.count { body(m[i], m[j]) } }
        }
        // Global popularity of each attribute over all accounts, by the key each sketch keeps
        // it under (a stable hash of it): no string is built or hashed again per account
        // (with millions of accounts, counting the values themselves was most of this stage).
        var ipCount: [UInt64: Int] = [:], netCount: [UInt64: Int] = [:], clientCount: [UInt64: Int] = [:]
        var domainCount: [String: Int] = [:], cardCount: [String: Int] = [:]
        for a in accounts {
            a.profile.forEachIPKey { ipCount[$0, default: 0] += 1 }
            a.profile.forEachSubnetKey { netCount[$0, default: 0] += 1 }
            a.profile.forEachClientKey { clientCount[$0, default: 0] += 1 }
            if let d = a.info?.emailDomain { domainCount[d, default: 0] += 1 }
            if let c = a.info?.paymentFingerprint { cardCount[c, default: 0] += 1 }
        }
        // Inverted indexes over candidates.
        var byIP: [UInt64: [Int]] = [:], byNet: [UInt64: [Int]] = [:], byClient: [UInt64: [Int]] = [:]
        var clientOf: [UInt64: ClientSignature] = [:]
        var byDomain: [String: [Int]] = [:], byCard: [String: [Int]] = [:]
        for i in candidates {
            let a = accounts[i]
            a.profile.forEachIPKey { byIP[$0, default: []].append(i) }
            a.profile.forEachSubnetKey { byNet[$0, default: []].append(i) }
            for (k, c) in a.profile.clientEntries {
                byClient[k, default: []].append(i)
                clientOf[k] = c
            }
            if let d = a.info?.emailDomain, !CommonMailDomains.neverLinks(d) { byDomain[d, default: []].append(i) }
            if let c = a.info?.paymentFingerprint { byCard[c, default: []].append(i) }
        }
        // Hubs are relative to the dump: the same SDK is rare among 4,000 accounts and common among 400,000.
        let n = accounts.count
        let paymentCap = params.hubCap(params.paymentHubShare, accounts: n), ipCap = params.hubCap(params.ipHubShare, accounts: n)
        let subnetCap = params.hubCap(params.subnetHubShare, accounts: n), clientCap = params.hubCap(params.clientHubShare, accounts: n)
        let domainCap = params.hubCap(params.emailDomainHubShare, accounts: n)
        for (card, m) in byCard where m.count > 1 && cardCount[card, default: 0] <= paymentCap {
            pairUp(m) { pairs.add($0, $1, .payment, params.paymentWeight, cap: params.paymentWeight) }
        }
        // IP and subnet overlap as a rarity-weighted Jaccard of the two sampled sets: many
        // shared rare addresses link strongly; a few shared addresses of a large rotating
        // pool barely do; hub addresses (NAT, CGNAT, proxy exits) are left out entirely.
        Self.jaccardEvidence(accounts, byIP, ipCount, cap: ipCap, sets: { $0.ipEntries }) {
            pairs.add($0, $1, .ip, params.ipWeight * $2, cap: params.ipWeight)
        }
        Self.jaccardEvidence(accounts, byNet, netCount, cap: subnetCap, sets: { $0.subnetEntries }) {
            pairs.add($0, $1, .subnet, params.subnetWeight * $2, cap: params.subnetWeight)
        }
        for (k, m) in byClient where m.count > 1 && clientCount[k, default: 0] <= clientCap {
            // Weighted by rarity in this dump: a client on two accounts links almost fully,
            // one on a few percent of them barely.
            let c = clientOf[k]!
            let rarity = max(0, 1 - log(Double(clientCount[k, default: 2])) / log(Double(max(3, n))))
            let w = (c.tls.isEmpty || c.userAgent.isEmpty ? params.clientWeight / 2 : params.clientWeight) * rarity
            pairUp(m) { pairs.add($0, $1, .client, w, cap: params.clientWeight) }
        }
        for (d, m) in byDomain where m.count > 1 && domainCount[d, default: 0] <= domainCap {
            pairUp(m) { pairs.add($0, $1, .emailDomain, params.emailDomainWeight, cap: params.emailDomainWeight) }
        }
        Self.signupBursts(accounts, candidates, params) { pairs.add($0, $1, .signup, params.signupWeight, cap: params.signupWeight) }
        self.pairs = pairs
    }

    /// Candidates created within the signup window of each other, inside a burst.
    static func signupBursts(_ accounts: [AccountView], _ candidates: [Int], _ p: LinkParameters, _ link: (Int, Int) -> Void) {
        let window = Int64(p.signupWindowMinutes) * 60_000
        let created = candidates.compactMap { i in accounts[i].info?.createdAt.map { ($0, i) } }.sorted { $0 < $1 }
        var start = 0
        for end in created.indices {
            while created[end].0 - created[start].0 > window { start += 1 }
            guard end - start + 1 >= p.signupBurstMin else { continue }
            for k in start..<end { link(created[k].1, created[end].1) }
        }
    }

    /// Rarity-weighted Jaccard of sampled attribute sets, for candidate pairs sharing one.
    /// Each account's set is hashed, weighted and sorted once; pairs merge sorted arrays.
    /// `index` and `counts` are by sketch key; `sets` gives each kept value with its key.
    static func jaccardEvidence(
        _ accounts: [AccountView], _ index: [UInt64: [Int]], _ counts: [UInt64: Int], cap: Int,
        sets: (AccountProfile) -> [(key: UInt64, value: String)], _ emit: (Int, Int, Double) -> Void
    ) {
        func idf(_ key: UInt64) -> Double {
            let n = counts[key, default: 1]
            return n > cap ? 0 : 1 / log2(1 + Double(n))
        }
        var pairs = Set<UInt64>()
        var members = Set<Int>()
        for (k, m) in index where m.count > 1 && counts[k, default: 0] <= cap {
            let s = m.sorted()
            members.formUnion(s)
            for i in 0..<s.count { for j in (i + 1)..<s.count { pairs.insert(UInt64(s[i]) << 32 | UInt64(s[j])) } }
        }
        var weighted: [Int: [(UInt64, Double)]] = [:]
        for a in members {
            // Each distinct value once, hashed as a string (the order the sums below follow).
            var seen = Set<String>()
            weighted[a] = sets(accounts[a].profile).compactMap { e in
                seen.insert(e.value).inserted ? (StableHash.string(e.value), idf(e.key)) : nil
            }.sorted { $0.0 < $1.0 }
        }
        for key in pairs.sorted() {
            let x = Int(key >> 32), y = Int(key & 0xFFFF_FFFF)
            let ax = weighted[x]!, ay = weighted[y]!
            var i = 0, j = 0
            var inter = 0.0, union = 0.0
            while i < ax.count || j < ay.count {
                if j == ay.count || (i < ax.count && ax[i].0 < ay[j].0) {
                    union += ax[i].1; i += 1
                } else if i == ax.count || ay[j].0 < ax[i].0 {
                    union += ay[j].1; j += 1
                } else {
                    union += ax[i].1; inter += ax[i].1; i += 1; j += 1
                }
            }
            if union > 0 && inter > 0 { emit(x, y, inter / union) }
        }
    }
}
