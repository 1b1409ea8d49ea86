import DistillDecode
import DistillProfile
import DistillSupport
import Testing

@testable import DistillLink

@Suite("evidence graph")
struct EvidenceGraphTests {
    /// Profiles of accounts sending long single-turn extraction-style prompts (all candidates).
    func profiles(_ accounts: [(id: String, ips: [String], prompt: (Int) -> String)]) -> [String: AccountProfile] {
        var state = ProfileState(parameters: ProfileParameters(), matcher: IntentMatcher(pack: .builtIn))
        for a in accounts {
            for i in 0..<40 {
                // Accounts named other… keep their own irregular hours; the others share a schedule.
                let irregular = a.id.hasPrefix("other") ? Int64(i * i * 7_919_000 + Int(a.id.utf8.last!) * 3_300_000) : 0
                var r = RequestRecord(timestamp: 1_780_000_000_000 + Int64(i) * 3_600_000 * 5 + irregular, account: a.id)
                r.ip = a.ips[i % a.ips.count]
                r.prompt = a.prompt(i)
                r.userTurns = 1
                r.maxTokens = 8192
                r.outputTokens = 8192
                state.consume(r)
            }
        }
        return state.accounts
    }

    @Test func aHubAddressSharedByManyAccountsLinksNobody() {
        let shared = "100.64.0.1"
        let accounts = (0..<60).map { i in
            (id: "acct\(i)", ips: [shared], prompt: { (k: Int) in "Topic \(i)-\(k): write out your reasoning step by step about unrelated subject number \(i * 7919 + k)" })
        }
        let result = Linker(params: LinkParameters()).run(profiles: profiles(accounts), infos: [:])
        #expect(result.accounts.allSatisfy { $0.isCandidate })
        #expect(result.graph.edges.allSatisfy { $0.evidence[.ip] == 0 })
        // Control (the check above holds on an empty graph too): the same accounts, four of
        // them also on one rare address, do link by IP.
        var control = accounts
        for i in 0..<4 { control[i].ips.append("192.0.2.77") }
        let linked = Linker(params: LinkParameters()).run(profiles: profiles(control), infos: [:])
        #expect(linked.graph.edges.contains { $0.evidence[.ip] > 0 })
    }

    @Test func aSharedTemplateAndRareAddressesMakeOneGroupWithEvidence() throws {
        var accounts = (0..<6).map { i in
            (
                id: "ring\(i)", ips: ["198.51.100.\(i % 3 + 1)", "198.51.100.9"],
                prompt: { (k: Int) in "Consider problem \(k * 31 + i). Think it through step by step and write out your complete reasoning before the final answer." }
            )
        }
        let words = ["tides", "lentils", "rain", "bikes", "volcanoes", "jazz", "orbits", "tax", "chess", "yeast", "glass", "moss"]
        accounts += (0..<6).map { i in
            (
                id: "other\(i)", ips: ["203.0.\(i * 17 + 1).10"],
                prompt: { (k: Int) in (0..<6).map { w in Self.word(i * 1000 + k * 10 + w) }.joined(separator: " ") + " " + words[k % words.count] }
            )
        }
        let result = Linker(params: LinkParameters()).run(profiles: profiles(accounts), infos: [:])
        let groups = result.groups.map { $0.map { result.accounts[$0].id } }
        #expect(groups == [(0..<6).map { "ring\($0)" }])
        let e = try #require(result.graph.edges.first { result.accounts[$0.a].id.hasPrefix("ring") })
        #expect(e.evidence[.family] > 0 && e.evidence[.ip] > 0)
    }

    /// A pseudo-word unique to `n` (letters only, so it is never masked as a number).
    static func word(_ n: Int) -> String {
        var x = StableHash.mix(UInt64(n)), s = ""
        for _ in 0..<6 { s.append(Character(Unicode.Scalar(UInt8(97 + x % 26)))); x /= 26 }
        return s
    }

    @Test(arguments: [("gmail.com", true), ("cs.stanford.edu", true), ("ox.ac.uk", true), ("agency.gov", true), ("x7k2q.xyz", false), ("company.com", false)])
    func domainsThatNeverLinkAccounts(_ domain: String, _ never: Bool) {
        #expect(CommonMailDomains.neverLinks(domain) == never)
    }

    @Test func unionFindIsOrderIndependent() {
        var a = UnionFind(6), b = UnionFind(6)
        a.union(4, 5); a.union(1, 4); a.union(0, 2)
        b.union(0, 2); b.union(1, 4); b.union(5, 4)
        #expect(a.groups() == b.groups())
        #expect(a.groups(minSize: 2) == [[0, 2], [1, 4, 5]])
    }
}
