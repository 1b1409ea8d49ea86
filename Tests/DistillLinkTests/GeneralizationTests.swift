import DistillDecode
import DistillProfile
import Testing

@testable import DistillLink

/// Issue 14: the mechanisms that made findings hold only on our own generator.
@Suite("detection that generalizes")
struct GeneralizationTests {
    struct Request {
        var minute: Int64
        var prompt: String
        var userTurns = 1
        var output = 3000
        var ip: String? = nil
    }

    func link(_ accounts: [(id: String, requests: [Request])], params: LinkParameters = LinkParameters()) -> Linker.Result {
        var state = ProfileState(parameters: ProfileParameters(), matcher: IntentMatcher(pack: .builtIn))
        for a in accounts {
            for q in a.requests {
                var r = RequestRecord(timestamp: 1_780_000_000_000 + q.minute * 60_000, account: a.id)
                r.prompt = q.prompt
                r.userTurns = q.userTurns
                r.maxTokens = 8192
                r.outputTokens = q.output
                r.ip = q.ip
                state.consume(r)
            }
        }
        return Linker(params: params).run(accounts: state.accountsByID, infos: [:])
    }

    /// `n` pseudo-words unique to `seed`: a payload no other prompt shares.
    static func payload(_ seed: Int, words n: Int) -> String {
        (0..<n).map { EvidenceGraphTests.word(seed * 1000 + $0) }.joined(separator: " ")
    }

    /// Ordinary accounts: their own words, a few everyday phrases, human hours.
    func ordinary(_ count: Int) -> [(id: String, requests: [Request])] {
        (0..<count).map { i in
            (
                id: "user\(i)",
                requests: (0..<8).map { k in
                    Request(minute: Int64(i * 37 + k * 1_009), prompt: "can you help me with " + Self.payload(50_000 + i * 10 + k, words: 12), userTurns: 2, output: 300)
                }
            )
        }
    }

    @Test func aSkeletonAroundAPayloadFourTimesItsSizeFormsOneFamily() throws {
        let skeleton = ["## Task", "Requirements: cite every assumption, number each stage, end with a verdict line.", "Deliver the full derivation now."]
        let ring = (0..<8).map { i in
            (
                id: "ring\(i)",
                requests: (0..<20).map { k -> Request in
                    let body = Self.payload(i * 100 + k, words: 70)
                    return Request(minute: Int64(k * 173 + i * 11), prompt: "\(skeleton[0]) \(body) \(skeleton[1]) \(skeleton[2])")
                }
            )
        }
        let result = link(ring + ordinary(40))
        let rings = result.accounts.indices.filter { result.accounts[$0].id.hasPrefix("ring") }
        // Whole-prompt similarity would be about 0.1 here: the skeleton is a fifth of each prompt.
        let shared = rings.allSatisfy { (result.accounts[$0].linkFamilies.values.max() ?? 0) >= 0.8 }
        #expect(shared)
        #expect(result.groups.map { $0.map { result.accounts[$0].id } } == [(0..<8).map { "ring\($0)" }])
    }

    @Test func accountsFiringInTheSameMinutesAroundTheClockAreInLockstep() throws {
        // Every hour of three days, within minutes 14–16; no IPs, unrelated prompts.
        let ring = (0..<5).map { i in
            (id: "lock\(i)", requests: (0..<72).map { h in Request(minute: Int64(h * 60 + 14 + (h + i) % 3), prompt: Self.payload(i * 1000 + h, words: 20)) })
        }
        // The same volume spread over the hour.
        let steady = (0..<5).map { i in
            (id: "steady\(i)", requests: (0..<72).map { h in Request(minute: Int64(h * 60 + (h * 7 + i * 13) % 60), prompt: Self.payload(90_000 + i * 1000 + h, words: 20)) })
        }
        let result = link(ring + steady)
        let lockstep = result.graph.edges.filter { $0.evidence[.lockstep] > 0 }.map { Set([result.accounts[$0.a].id, result.accounts[$0.b].id]) }
        #expect(lockstep.count == 10)
        #expect(lockstep.allSatisfy { $0.allSatisfy { $0.hasPrefix("lock") } })
    }

    @Test func ordinaryChatMixedInDoesNotKeepAnExtractionPartFromBeingJudged() {
        // 65 % multi-turn chat with short answers, 35 % single-turn asks with long outputs.
        let requests = (0..<40).map { k in
            k % 20 < 13
                ? Request(minute: Int64(k * 97), prompt: Self.payload(k, words: 10), userTurns: 3, output: 200)
                : Request(minute: Int64(k * 97), prompt: Self.payload(k, words: 30), output: 6000)
        }
        let result = link([(id: "camo", requests: requests)])
        let camo = result.accounts[0]
        #expect(camo.suspicion < LinkParameters().candidateSuspicion)
        #expect(camo.isCandidate)
    }

    @Test func hubCapsFollowTheSizeOfTheDump() {
        let p = LinkParameters()
        #expect(p.hubCap(p.clientHubShare, accounts: 4_000) < p.hubCap(p.clientHubShare, accounts: 16_000))
        #expect(p.hubCap(p.ipHubShare, accounts: 100) == p.hubFloor)
    }
}
