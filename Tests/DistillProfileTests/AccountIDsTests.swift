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
}
