import DistillDecode
import DistillSupport
import Testing

@testable import DistillProfile

/// Per-model counts of a profile (three models open outside the list): whatever order
/// the requests come in (alternating two models, cycling through many, more models than
/// `AccountProfile.modelCap`), and however the requests are split between states that are
/// merged, the counts are the definition's.
@Suite("model use")
struct ModelUseTests {
    func profile(_ models: [(String, Int64)]) -> AccountProfile {
        var state = ProfileState(parameters: ProfileParameters(), matcher: IntentMatcher(pack: .builtIn))
        for (m, t) in models {
            var r = RequestRecord(timestamp: t, account: "a")
            r.model = m
            state.consume(r)
        }
        return state.accountsByID[0].profile
    }

    /// The definition: requests and first use per model, the `modelCap` models with the
    /// smallest name hashes kept.
    func expected(_ models: [(String, Int64)]) -> [String: String] {
        var d: [String: (Int, Int64)] = [:]
        for (m, t) in models { d[m] = ((d[m]?.0 ?? 0) + 1, min(d[m]?.1 ?? .max, t)) }
        let kept = d.keys.sorted { (StableHash.string($0), $0) < (StableHash.string($1), $1) }.prefix(AccountProfile.modelCap)
        return Dictionary(uniqueKeysWithValues: kept.map { ($0, "\(d[$0]!.0)@\(d[$0]!.1)") })
    }

    func seen(_ p: AccountProfile) -> [String: String] { p.models.mapValues { "\($0.requests)@\($0.firstSeen)" } }

    @Test(arguments: [2, 3, 4, 5, 70])
    func countsMatchTheDefinitionInAnyOrder(models n: Int) {
        // Alternating, in runs, and shuffled: each model's requests at known times.
        let alternating = (0..<600).map { ("model-\($0 % n)", Int64(1_000_000 + $0 * 7)) }
        let runs = (0..<600).map { ("model-\($0 / 7 % n)", Int64(2_000_000 - $0 * 3)) }
        // A fixed permutation (the same on every run): stride through by a step coprime to 600.
        let shuffled = (0..<600).map { alternating[($0 * 277 + 13) % 600] }
        for requests in [alternating, runs, shuffled] {
            #expect(seen(profile(requests)) == expected(requests))
        }
        // Split in two states and merged.
        var a = ProfileState(parameters: ProfileParameters(), matcher: IntentMatcher(pack: .builtIn))
        var b = a
        for (i, (m, t)) in shuffled.enumerated() {
            var r = RequestRecord(timestamp: t, account: "a")
            r.model = m
            if i % 3 == 0 { a.consume(r) } else { b.consume(r) }
        }
        a.merge(b)
        #expect(seen(a.accountsByID[0].profile) == expected(shuffled))
    }

    /// Regression (found by the fourteenth session's review): two spellings of one model
    /// that `==` equates (a precomposed é and an e with a combining accent) were named by
    /// whichever an account's requests brought first, so the report depended on the
    /// thread count. They are one model, named by the spelling of smallest bytes, in
    /// every order and however the requests are split and merged.
    @Test func aModelSpelledTwoWaysIsNamedTheSameInEveryOrder() {
        let composed = "caf\u{E9}-large", decomposed = "cafe\u{301}-large"
        #expect(composed == decomposed && Array(composed.utf8) != Array(decomposed.utf8))
        let smallest = [composed, decomposed].min { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }!
        // With other models between them, so that the spellings also leave the open slots.
        let names = [composed, "m-1", decomposed, "m-2", "m-3", decomposed, composed, "m-4"]
        let requests = (0..<64).map { (names[$0 % names.count], Int64(1_000 + $0)) }
        func named(_ p: AccountProfile) -> [[UInt8]: String] {
            Dictionary(uniqueKeysWithValues: p.models.map { (Array($0.key.utf8), "\($0.value.requests)@\($0.value.firstSeen)") })
        }
        let forward = named(profile(requests))
        #expect(forward[Array(smallest.utf8)] == "32@1000")
        #expect(forward.count == 5)
        #expect(named(profile(requests.reversed())) == forward)
        #expect(named(profile(requests.filter { $0.0 != composed } + requests.filter { $0.0 == composed })) == forward)
        for split in [2, 3] {
            for reversedMerge in [false, true] {
                var a = ProfileState(parameters: ProfileParameters(), matcher: IntentMatcher(pack: .builtIn))
                var b = a
                for (i, (m, t)) in requests.enumerated() {
                    var r = RequestRecord(timestamp: t, account: "a")
                    r.model = m
                    if i % split == 0 { a.consume(r) } else { b.consume(r) }
                }
                if reversedMerge { b.merge(a); a = b } else { a.merge(b) }
                #expect(named(a.accountsByID[0].profile) == forward, "split \(split), reversed \(reversedMerge)")
            }
        }
    }
}
