import DistillSupport
import Testing

@Suite("parameter tables")
struct ParameterSetTests {
    struct Knobs: ParameterSet, Equatable {
        var count = 3
        var share = 0.25
        init() {}
        static var fields: [ParameterField<Self>] { [.init("count", \.count, 1...10), .share("share", \.share)] }
    }

    @Test func listedAndChangesComeFromTheSameTable() {
        var k = Knobs()
        #expect(k.listed.map(\.0) == ["count", "share"])
        #expect(k.changes.isEmpty)
        k.share = 0.5
        #expect(k.changes.map(\.name) == ["share"] && k.changes[0].defaultValue == 0.25)
    }

    @Test func valuesOutsideTheirRangeOrNotWholeAreRefused() {
        var k = Knobs()
        let count = Knobs.fields[0], share = Knobs.fields[1]
        #expect(count.set(11, in: &k)?.contains("between 1 and 10") == true)
        #expect(count.set(2.5, in: &k)?.contains("whole number") == true)
        #expect(share.set(.nan, in: &k) != nil)
        #expect(share.set(1.5, in: &k) != nil)
        #expect(count.set(7, in: &k) == nil && k.count == 7)
        #expect(ParameterValue.text(7) == "7" && ParameterValue.text(0.005) == "0.005")
    }
}
