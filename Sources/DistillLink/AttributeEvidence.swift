import DistillProfile

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
        // Global popularity of each attribute over all accounts (from the sketches).
        var ipCount: [String: Int] = [:], netCount: [String: Int] = [:], clientCount: [ClientSignature: Int] = [:]
        var domainCount: [String: Int] = [:], cardCount: [String: Int] = [:]
        for a in accounts {
            for e in a.profile.ips.payloadsUnordered { ipCount[e, default: 0] += 1 }
            for e in a.profile.subnets.payloadsUnordered { netCount[e, default: 0] += 1 }
            for e in a.profile.clients.payloadsUnordered { clientCount[e, default: 0] += 1 }
            if let d = a.info?.emailDomain { domainCount[d, default: 0] += 1 }
            if let c = a.info?.paymentFingerprint { cardCount[c, default: 0] += 1 }
        }
        // Inverted indexes over candidates.
        var byIP: [String: [Int]] = [:], byNet: [String: [Int]] = [:], byClient: [ClientSignature: [Int]] = [:]
        var byDomain: [String: [Int]] = [:], byCard: [String: [Int]] = [:]
        for i in candidates {
            let a = accounts[i]
            for e in a.profile.ips.payloadsUnordered { byIP[e, default: []].append(i) }
            for e in a.profile.subnets.payloadsUnordered { byNet[e, default: []].append(i) }
            for e in a.profile.clients.payloadsUnordered { byClient[e, default: []].append(i) }
            if let d = a.info?.emailDomain, !CommonMailDomains.neverLinks(d) { byDomain[d, default: []].append(i) }
            if let c = a.info?.paymentFingerprint { byCard[c, default: []].append(i) }
        }
        for (card, m) in byCard where m.count > 1 && cardCount[card, default: 0] <= params.paymentHubCap {
            pairUp(m) { pairs.add($0, $1, .payment, params.paymentWeight, cap: params.paymentWeight) }
        }
        // IP and subnet overlap as a rarity-weighted Jaccard of the two sampled sets: many
        // shared rare addresses link strongly; a few shared addresses of a large rotating
        // pool barely do; hub addresses (NAT, CGNAT, proxy exits) are left out entirely.
        EvidenceGraph.jaccardEvidence(accounts, byIP, ipCount, cap: params.ipHubCap, sets: { $0.ips.payloadsUnordered }) {
            pairs.add($0, $1, .ip, params.ipWeight * $2, cap: params.ipWeight)
        }
        EvidenceGraph.jaccardEvidence(accounts, byNet, netCount, cap: params.subnetHubCap, sets: { $0.subnets.payloadsUnordered }) {
            pairs.add($0, $1, .subnet, params.subnetWeight * $2, cap: params.subnetWeight)
        }
        for (c, m) in byClient where m.count > 1 && clientCount[c, default: 0] <= params.clientHubCap {
            let w = c.tls.isEmpty || c.userAgent.isEmpty ? params.clientWeight / 2 : params.clientWeight
            pairUp(m) { pairs.add($0, $1, .client, w, cap: params.clientWeight) }
        }
        for (d, m) in byDomain where m.count > 1 && domainCount[d, default: 0] <= params.emailDomainHubCap {
            pairUp(m) { pairs.add($0, $1, .emailDomain, params.emailDomainWeight, cap: params.emailDomainWeight) }
        }
        EvidenceGraph.signupBursts(accounts, candidates, params) { pairs.add($0, $1, .signup, params.signupWeight, cap: params.signupWeight) }
        self.pairs = pairs
    }
}
