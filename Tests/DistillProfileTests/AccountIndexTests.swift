import Testing

@testable import DistillProfile

@Suite("account index")
struct AccountIndexTests {
    /// Ids around the 16 bytes a bucket holds, and longer ones compared through `isID`.
    @Test func everyIDFindsItsPositionThroughGrowthAndUnknownIDsFindNone() {
        let ids = (0..<5_000).map { i in
            switch i % 5 {
            case 0: "a\(i)"
            case 1: "acct-\(i * 7919)-x".padding(toLength: 16, withPad: "0", startingAt: 0)
            case 2: "org\(i)_".padding(toLength: 17, withPad: "f", startingAt: 0)
            case 3: "arn:aws:iam::123456789012:user/caller-\(i)"
            default: "ünïcödé-\(i)"
            }
        }
        var index = AccountIndex()
        for (p, id) in ids.enumerated() { index.insert(id, hash: AccountIndex.hash(id), position: p) }
        #expect(index.count == ids.count)
        for (p, id) in ids.enumerated() {
            #expect(index.position(of: id, hash: AccountIndex.hash(id), isID: { ids[$0] == id }) == p)
        }
        for unknown in ["acct-unknown", "", "arn:aws:iam::123456789012:user/caller-x"] {
            #expect(index.position(of: unknown, hash: AccountIndex.hash(unknown), isID: { ids[$0] == unknown }) == nil)
        }
    }

    /// Two ids with the same hash must both be found: the ids themselves decide, whether
    /// the bucket holds them (up to 16 bytes) or `isID` compares them.
    @Test func idsSharingAHashAreToldApartByTheirText() {
        var index = AccountIndex()
        index.insert("short-a", hash: 42, position: 0)
        index.insert("short-b", hash: 42, position: 1)
        #expect(index.position(of: "short-b", hash: 42, isID: { _ in false }) == 1)
        #expect(index.position(of: "short-a", hash: 42, isID: { _ in false }) == 0)
        #expect(index.position(of: "short-c", hash: 42, isID: { _ in true }) == nil)
        // Differing only past the 16 bytes a bucket holds.
        let long = ["0123456789abcdef-one", "0123456789abcdef-two"]
        index.insert(long[0], hash: 7, position: 2)
        index.insert(long[1], hash: 7, position: 3)
        #expect(index.position(of: long[1], hash: 7, isID: { $0 >= 2 && long[$0 - 2] == long[1] }) == 3)
        #expect(index.position(of: long[0], hash: 7, isID: { $0 >= 2 && long[$0 - 2] == long[0] }) == 2)
        // A prefix of a stored id is another id.
        #expect(index.position(of: "short", hash: 42, isID: { _ in true }) == nil)
    }
}
