import DistillDecode
import DistillLink
import DistillProfile
import Testing

@testable import DistillScore

/// Issue 14, classes 5 and 6: benign automation and benchmark runs reached medium and high.
@Suite("benign readings")
struct BenignReadingTests {
    /// Six accounts on one card and two addresses, 24/7, single-turn, with the given prompts and outputs.
    func run(prompt: (Int, Int) -> String, output: Int, maxTokens: Int, params: ScoreParameters = ScoreParameters()) -> (groups: Int, campaigns: [Campaign]) {
        let link = linked(prompt: prompt, output: output, maxTokens: maxTokens)
        var params = params
        params.lowScore = 0
        return (link.groups.count, CampaignScorer(params: params).score(link))
    }

    /// The link stage over those six accounts' `requests` requests each.
    func linked(prompt: (Int, Int) -> String, output: Int, maxTokens: Int, requests: Int = 60) -> Linker.Result {
        var state = ProfileState(parameters: ProfileParameters(), matcher: IntentMatcher(pack: .builtIn))
        var infos: [String: AccountInfo] = [:]
        for i in 0..<6 {
            let id = "acct\(i)"
            var info = AccountInfo(accountID: id)
            info.paymentFingerprint = "pm_shared"
            infos[id] = info
            for k in 0..<requests {
                var r = RequestRecord(timestamp: 1_780_000_000_000 + Int64(k) * 1_440_000 + Int64(i) * 7000, account: id)
                r.ip = "198.51.100.\(i % 2 + 1)"
                r.prompt = prompt(i, k)
                r.userTurns = 1
                r.maxTokens = maxTokens
                r.outputTokens = output
                state.consume(r)
            }
        }
        return Linker(params: LinkParameters()).run(profiles: state.accounts, infos: infos)
    }

    /// The fixed-set share (hashes sorted, not a hashed table of them) is the definition's:
    /// of every member's kept prompt hashes, those that at least two members hold. Half of
    /// each account's questions are the shared set and half its own, so the share lies
    /// strictly between 0 and 1, and which of them the sketches keep is the hashes' doing.
    @Test func theFixedSetShareIsTheShareOfKeptHashesThatTwoMembersHold() throws {
        let link = linked(
            prompt: { i, k in k % 2 == 0 ? "Question \(k % 40) of the fixed set: let's think step by step." : "Account \(i) asks question \(k) of its own." },
            output: 60, maxTokens: 1024, requests: 120)
        var params = ScoreParameters()
        params.lowScore = 0
        let c = try #require(CampaignScorer(params: params).score(link).first)
        let replay = try #require(c.benign.first { $0.kind == .fixedSetReplay })
        let members = link.accounts.filter { c.accounts.contains($0.id) }
        var holders: [UInt64: Set<String>] = [:]
        for m in members { for h in m.profile.promptHashes.hashesUnordered { holders[h, default: []].insert(m.id) } }
        let sampled = members.reduce(0) { $0 + $1.profile.promptHashes.hashesUnordered.count }
        let shared = members.reduce(0) { n, m in n + m.profile.promptHashes.hashesUnordered.filter { holders[$0]!.count >= 2 }.count }
        #expect(members.count == 6 && sampled > 0)
        #expect(replay.strength == Double(shared) / Double(sampled))
        #expect(replay.strength > 0 && replay.strength < 1)
    }

    @Test func theSameQuestionsFromEveryAccountWithShortAnswersAreABenchmarkRun() throws {
        let r = run(prompt: { _, k in "Question \(["alpha", "beta", "gamma", "delta", "omega"][k % 5]) of the fixed set: let's think step by step." }, output: 60, maxTokens: 1024)
        #expect(r.groups == 1)
        let c = try #require(r.campaigns.first)
        let replay = try #require(c.benign.first { $0.kind == .fixedSetReplay })
        #expect(replay.applied)
        #expect(replay.strength > 0.9)
        #expect(c.score < ScoreParameters().lowScore)
    }

    @Test func coordinationWithoutExtractionIntentOrOutputAppetiteIsNeverAboveLow() throws {
        // A client that asks for a large max_tokens on every request, with moderate outputs.
        // Thresholds low enough that the score alone would make it high.
        var params = ScoreParameters()
        params.highScore = 20
        params.mediumScore = 10
        let r = run(prompt: { i, k in "Summarise ticket \(i * 100 + k) for the support queue in the house format." }, output: 250, maxTokens: 8192, params: params)
        #expect(r.groups == 1)
        let c = try #require(r.campaigns.first)
        #expect(c.score >= params.highScore)
        #expect(c.severity == .low)
        guard case .cappedLow(let intent, let intentFloor, let appetite, let appetiteFloor) = c.severityRule else {
            Issue.record("severity rule \(c.severityRule), not the low cap")
            return
        }
        #expect(intent < intentFloor && appetite < appetiteFloor)
        #expect(c.signals.contains { $0.kind == .linkage && $0.link == "payment" })
    }
}
