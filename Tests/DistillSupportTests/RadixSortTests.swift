import Testing

@testable import DistillSupport

@Suite("radix sort of keys with values")
struct RadixSortTests {
    /// The order the LSH bands relied on before: by key, then by value (values start in order).
    private func reference(_ keys: [UInt64]) -> (keys: [UInt64], values: [Int32]) {
        let pairs = keys.enumerated().map { (key: $0.element, value: Int32($0.offset)) }.sorted {
            $0.key != $1.key ? $0.key < $1.key : $0.value < $1.value
        }
        return (pairs.map(\.key), pairs.map(\.value))
    }

    private func sorted(_ keys: [UInt64]) -> (keys: [UInt64], values: [Int32]) {
        var k = keys, v = keys.indices.map { Int32($0) }
        RadixSort.sortByKey(&k, &v)
        return (k, v)
    }

    @Test func randomKeysWithRepeatsComeOutInKeyThenValueOrder() {
        var g = SplitMix(seed: 7)
        for n in [0, 1, 2, 3, 255, 256, 1_000, 5_000] {
            // Every third key repeats an earlier one: ties must keep their order.
            var keys: [UInt64] = []
            for i in 0..<n { keys.append(i % 3 == 2 ? keys[Int(g.next() % UInt64(i))] : g.next()) }
            let got = sorted(keys), want = reference(keys)
            #expect(got.keys == want.keys)
            #expect(got.values == want.values)
        }
    }

    /// Bytes that are the same in every key are skipped; keys that differ only there, in
    /// the top byte alone, or at both ends must still sort.
    @Test func keysThatDifferInFewBytesSort() {
        var g = SplitMix(seed: 11)
        let shapes: [(UInt64) -> UInt64] = [
            { $0 & 0xFF },  // low byte only
            { ($0 & 0xFF) << 56 },  // top byte only
            { ($0 & 0xFF) << 56 | ($0 >> 8 & 0xFF) },  // both ends
            { 0xDEAD_BEEF_0000_0000 | ($0 & 0xFFFF) },  // a shared prefix
            { _ in 42 },  // all equal
        ]
        for shape in shapes {
            let keys = (0..<700).map { _ in shape(g.next()) }
            let got = sorted(keys), want = reference(keys)
            #expect(got.keys == want.keys)
            #expect(got.values == want.values)
        }
    }

    @Test func extremeKeysSort() {
        let keys: [UInt64] = [.max, 0, 1, .max - 1, 1 << 63, 0, .max]
        #expect(sorted(keys).keys == [0, 0, 1, 1 << 63, .max - 1, .max, .max] as [UInt64])
        #expect(sorted(keys).values == [1, 5, 2, 4, 3, 0, 6])
    }
}

/// A small deterministic generator (the tests must not depend on the system's).
private struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
