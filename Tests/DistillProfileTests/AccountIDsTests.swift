import DistillDecode
import Testing

@testable import DistillProfile

/// A request's account is confirmed against the stored ids' bytes: only the same id may
/// match, whatever its length, and past the byte arena's limit the `String`s decide.
@Suite("account ids side by side")
struct AccountIDsTests {
    static let ids = ["", "a", "acct_5d638f5066", "org3269_c911bddb", "org3269_c911bddc", "org3269_c911bdd", "客户-账户-0001", String(repeating: "x", count: 300)]

    @Test(arguments: [Int(UInt32.max), 40, 0])
    func onlyTheSameIdMatches(_ limit: Int) {
        var ids = AccountIDs(arenaLimit: limit)
        for id in Self.ids { ids.append(id) }
        #expect(Array(ids) == Self.ids)
        for (i, stored) in Self.ids.enumerated() {
            for probe in Self.ids + ["b", "org3269_c911bddb ", " org3269_c911bddb", String(repeating: "x", count: 299)] {
                #expect(ids.same(i, Array(probe.utf8)) == (probe == stored), "stored \(i), probe \(probe.prefix(20))")
            }
        }
    }

    /// Regression (the fourteenth session): two accounts whose ids `==` equates but whose
    /// bytes differ (a precomposed é and an e with a combining accent) are two accounts,
    /// listed in the same order whichever was seen first; that order was the first-seen
    /// one, so a state file depended on the thread count.
    @Test func idsThatEqualAsStringsAreListedInByteOrderWhicheverCameFirst() {
        let composed = "acct_caf\u{E9}", decomposed = "acct_cafe\u{301}"
        #expect(composed == decomposed && Array(composed.utf8) != Array(decomposed.utf8))
        func listed(_ order: [String]) -> [[UInt8]] {
            var state = ProfileState(parameters: ProfileParameters(), matcher: IntentMatcher(pack: .builtIn))
            for (k, id) in order.enumerated() { state.consume(RequestRecord(timestamp: Int64(1_000 + k), account: id)) }
            return state.accountsByID.map { Array($0.id.utf8) }
        }
        let forward = listed(["acct_b", composed, "acct_a", decomposed, composed])
        #expect(forward.count == 4)
        #expect(forward == listed([decomposed, "acct_a", composed, "acct_b"]))
        let (x, y) = (Array(composed.utf8), Array(decomposed.utf8))
        let first = x.lexicographicallyPrecedes(y) ? x : y
        #expect(forward.firstIndex(of: first)! + 1 == forward.firstIndex(of: first == x ? y : x)!)
    }
}
