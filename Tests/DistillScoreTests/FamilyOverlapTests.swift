import Testing

@testable import DistillScore

/// A campaign's family summary counts the family's accounts inside the campaign by
/// bisection over two ascending lists; it must agree with counting by membership.
@Suite("family accounts inside a campaign")
struct FamilyOverlapTests {
    @Test func overlapCountsTheSharedValuesOfTwoAscendingLists() {
        let cases: [([Int], [Int])] = [
            ([], []), ([], [1, 2]), ([3], [3]), ([3], [4]), ([0, 2, 4, 6], [1, 2, 3, 4]),
            ([5], Array(0..<1000)), (Array(0..<1000), [999]), (Array(0..<1000), [1000]),
            (Array(stride(from: 0, to: 300, by: 3)), Array(stride(from: 0, to: 300, by: 2))),
        ]
        for (a, b) in cases {
            let byMembership = a.filter(Set(b).contains).count
            #expect(CampaignBuilder.overlap(a, b) == byMembership, "\(a.prefix(5)) / \(b.prefix(5))")
            #expect(CampaignBuilder.overlap(b, a) == byMembership)
        }
    }
}
