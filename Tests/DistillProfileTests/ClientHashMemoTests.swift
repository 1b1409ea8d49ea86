import Testing

@testable import DistillProfile

/// A remembered client hash is only ever the pair's own: the same strings again, equal
/// bytes in other storage, a byte changed in place of a long string, missing and empty
/// fields, and more pairs than the table has slots.
@Suite("hashes of repeated clients")
struct ClientHashMemoTests {
    /// A user agent long enough to live in heap storage (not a small string), built anew.
    private static func longAgent(_ n: Int) -> String {
        "Mozilla/5.0 (X11; Linux x86_64) client-library/\(n) " + String(repeating: "x", count: 40)
    }

    @Test func everyPairGetsItsOwnHash() {
        var pairs: [(String?, String?)] = [("ua", "tls"), ("ua", nil), (nil, "tls"), ("", ""), ("", nil), (nil, "")]
        for n in 0..<(3 * ClientHashMemo.slots) { pairs.append((Self.longAgent(n % 700), n % 3 == 0 ? nil : "ja3-\(n % 5)")) }
        var memo = ClientHashMemo()
        for round in 0..<3 {
            for (userAgent, tls) in pairs + pairs.reversed() {
                let want = AccountProfile.clientHash(userAgent ?? "", tls ?? "")
                #expect(memo.hash(userAgent: userAgent, tls: tls) == want, "round \(round): \(userAgent ?? "nil") / \(tls ?? "nil")")
            }
        }
    }

    @Test func noClientHasNoHash() {
        var memo = ClientHashMemo()
        #expect(memo.hash(userAgent: nil, tls: nil) == nil)
        _ = memo.hash(userAgent: "ua", tls: "tls")
        #expect(memo.hash(userAgent: nil, tls: nil) == nil)
    }

    /// The memo keys on the strings' storage: a string changed after it was remembered
    /// gets new storage (copy on write), so its hash is taken afresh.
    @Test func aStringChangedAfterItWasRememberedIsHashedAgain() {
        var memo = ClientHashMemo()
        var agent = Self.longAgent(1)
        let first = memo.hash(userAgent: agent, tls: "t")
        #expect(first == AccountProfile.clientHash(agent, "t"))
        agent.append("!")
        #expect(memo.hash(userAgent: agent, tls: "t") == AccountProfile.clientHash(agent, "t"))
        #expect(memo.hash(userAgent: agent, tls: "t") != first)
    }
}
