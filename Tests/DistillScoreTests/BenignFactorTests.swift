import DistillDecode
import DistillLink
import DistillProfile
import Testing

@testable import DistillScore

/// Each benign explanation and the model pivot fires on the traffic it describes, and
/// changes the score by its factor (each test has a control that differs in one thing).
@Suite("benign factors and the pivot")
struct BenignFactorTests {
    /// Six accounts, 60 single-turn requests each, 24 minutes apart (around the clock).
    struct Ring {
        var prompt: (Int, Int) -> String = { i, k in "Case \(k * 7 + i): think it through step by step and write out your complete reasoning before the final answer." }
        var output = 3000
        var maxTokens = 8192
        var sharedCard = true
        var ip: (Int) -> String = { "198.51.100.\($0 % 2 + 1)" }
        var org: String?
        var verified = false
        var system = ""
        var model: (Int, Int) -> String = { _, _ in "model-a" }
        /// Ordinary accounts beside the ring: (id, requests as (time offset in ms, system prompt, model)).
        var others: [(String, [(Int64, String, String)])] = []
    }

    static let t0: Int64 = 1_780_000_000_000

    func campaign(_ ring: Ring, params: ScoreParameters = ScoreParameters()) throws -> Campaign {
        var state = ProfileState(parameters: ProfileParameters(), matcher: IntentMatcher(pack: .builtIn))
        var infos: [String: AccountInfo] = [:]
        for i in 0..<6 {
            let id = "ring\(i)"
            var info = AccountInfo(accountID: id)
            if ring.sharedCard { info.paymentFingerprint = "pm_shared" }
            info.org = ring.org
            info.verified = ring.verified
            infos[id] = info
            for k in 0..<60 {
                var r = RequestRecord(timestamp: Self.t0 + Int64(k) * 1_440_000 + Int64(i) * 7000, account: id)
                r.ip = ring.ip(i)
                r.prompt = ring.prompt(i, k)
                r.systemPrompt = ring.system
                r.model = ring.model(i, k)
                r.userTurns = 1
                r.maxTokens = ring.maxTokens
                r.outputTokens = ring.output
                state.consume(r)
            }
        }
        for (n, (id, requests)) in ring.others.enumerated() {
            for (k, (offset, system, model)) in requests.enumerated() {
                var r = RequestRecord(timestamp: Self.t0 + offset, account: id)
                r.ip = "203.0.\(n % 250).\(k % 250 + 1)"
                r.prompt = "Hi! Could you help me plan a birthday dinner for \(n + k) friends with a small budget?"
                r.systemPrompt = system
                r.model = model
                r.userTurns = 2
                r.assistantTurns = 1
                r.maxTokens = 512
                r.outputTokens = 300
                state.consume(r)
            }
        }
        let link = Linker(params: LinkParameters()).run(profiles: state.accounts, infos: infos)
        var params = params
        params.lowScore = 0
        let ringCampaigns = CampaignScorer(params: params).score(link).filter { $0.accounts.contains("ring0") }
        return try #require(ringCampaigns.first, "the ring must be grouped for the factor to be judged")
    }

    func reading(_ c: Campaign, _ kind: BenignExplanation.Kind) throws -> BenignExplanation {
        try #require(c.benign.first { $0.kind == kind })
    }

    @Test func accountsRepeatingTheirOwnPromptsAreAnEvaluationHarness() throws {
        var ring = Ring()
        ring.prompt = { i, k in "Regression probe \(i)-\(k % 3): think it through step by step and write out your complete reasoning before the final answer." }
        let c = try campaign(ring), control = try campaign(Ring())
        let r = try reading(c, .repeatedPrompts)
        #expect(r.applied && r.factor == ScoreParameters().repeatedPromptsFactor)
        #expect(try !reading(control, .repeatedPrompts).applied)
        #expect(c.score < control.score)
    }

    @Test func oneOrganisationWithShortOutputsIsABatchPipeline() throws {
        var ring = Ring(), control = Ring()
        ring.org = "org_batch"
        ring.output = 80
        control.output = 80
        let c = try campaign(ring), plain = try campaign(control)
        #expect(try reading(c, .batchPipeline).applied)
        #expect(try !reading(plain, .batchPipeline).applied)
        #expect(c.score < plain.score)
    }

    @Test func membersAllVerifiedInOneOrganisationAreOneCustomer() throws {
        var ring = Ring()
        ring.org = "org_verified"
        ring.verified = true
        let c = try campaign(ring), control = try campaign(Ring())
        let r = try reading(c, .verifiedOrganisation)
        #expect(r.applied && r.factor == ScoreParameters().verifiedOrgFactor)
        #expect(c.score < control.score)
    }

    @Test func aSystemPromptOnManyAccountsIsAWidespreadClient() throws {
        let system = "You are HelperBot, the assistant built into a popular note-taking app."
        var ring = Ring(), control = Ring()
        ring.system = system
        let crowd = (0..<60).map { n in ("user\(n)", (0..<3).map { k in (Int64(n * 600_000 + k * 60_000), system, "model-a") }) }
        ring.others = crowd
        control.others = crowd.map { ($0.0, $0.1.map { ($0.0, "", $0.2) }) }
        let c = try campaign(ring), plain = try campaign(control)
        let r = try reading(c, .widespreadClient)
        #expect(r.applied && r.strength >= ScoreParameters().widespreadClientShare)
        #expect(try !reading(plain, .widespreadClient).applied)
        #expect(c.score < plain.score)
    }

    @Test func aSharedTemplateWithoutSharedInfrastructureOrAppetiteIsIndependentCustomers() throws {
        var ring = Ring()
        ring.sharedCard = false
        ring.ip = { "192.0.\($0 * 40 + 1).\($0 + 9)" }
        ring.output = 120
        ring.maxTokens = 512
        var control = ring
        control.sharedCard = true
        let c = try campaign(ring), plain = try campaign(control)
        #expect(try reading(c, .independentInfrastructure).applied)
        #expect(try !reading(plain, .independentInfrastructure).applied)
        #expect(c.score < plain.score)
    }

    @Test func movingToAModelWithinHoursOfItsReleaseIsAPivot() throws {
        // The new model appears 15 h into the dump among ordinary users; the ring moves to it an hour later.
        var ring = Ring()
        ring.model = { _, k in k >= 40 ? "model-new" : "model-a" }
        // Ordinary users every 3 hours; their sixth request (at 15 h) is the first on the new model.
        ring.others = (0..<8).map { n -> (String, [(Int64, String, String)]) in
            let requests = (0..<10).map { k -> (Int64, String, String) in
                let offset = Int64(k) * 10_800_000 + Int64(n) * 60_000
                return (offset, "", k == 5 ? "model-new" : "model-a")
            }
            return ("user\(n)", requests)
        }
        var control = ring
        control.model = { _, _ in "model-a" }
        let c = try campaign(ring), plain = try campaign(control)
        let pivot = try #require(c.signals.first { $0.kind == .modelPivot })
        #expect(pivot.weight == ScoreParameters().pivotPoints * pivot.strength)
        #expect(pivot.strength > 0.3)
        #expect(!plain.signals.contains { $0.kind == .modelPivot })
    }
}
