import Testing

@testable import DistillProfile

@Suite("account index")
struct AccountIndexTests {
    @Test func everyIDFindsItsPositionThroughGrowthAndUnknownIDsFindNone() {
        let ids = (0..<5_000).map { "acct-\($0 * 7919)" }
        var index = AccountIndex()
        for (p, id) in ids.enumerated() { index.insert(hash: AccountIndex.hash(id), position: p) }
        #expect(index.count == ids.count)
        for (p, id) in ids.enumerated() {
            #expect(index.position(hash: AccountIndex.hash(id), isID: { ids[$0] == id }) == p)
        }
        #expect(index.position(hash: AccountIndex.hash("acct-unknown"), isID: { ids[$0] == "acct-unknown" }) == nil)
    }

    /// Two ids with the same hash must both be found: the id comparison decides.
    @Test func idsSharingAHashAreToldApartByTheirText() {
        var index = AccountIndex()
        index.insert(hash: 42, position: 0)
        index.insert(hash: 42, position: 1)
        #expect(index.position(hash: 42, isID: { $0 == 1 }) == 1)
        #expect(index.position(hash: 42, isID: { $0 == 0 }) == 0)
        #expect(index.position(hash: 42, isID: { _ in false }) == nil)
    }
}
