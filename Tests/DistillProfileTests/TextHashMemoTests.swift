import DistillSupport
import Testing

@testable import DistillProfile

/// A remembered hash is only ever the text's own: repeats, texts differing in one byte,
/// texts sharing a slot, short and long ones.
@Suite("hashes of repeated texts")
struct TextHashMemoTests {
    @Test func everyTextGetsItsOwnHash() {
        let base = Array(String(repeating: "You are a careful assistant. ", count: 20).utf8)
        var texts: [[UInt8]] = [[], Array("short".utf8), base, base + [0x21], Array(base.dropLast())]
        for i in stride(from: 0, to: base.count, by: 97) { var t = base; t[i] ^= 1; texts.append(t) }
        // Same length and first word: the same slot, different texts.
        for i in 0..<6 { var t = base; t[base.count - 1 - i] = UInt8(0x30 + i); texts.append(t) }
        var memo = TextHashMemo()
        for round in 0..<3 {
            for t in texts + texts.reversed() {
                let want = t.withUnsafeBytes { StableHash.bytes($0) }
                #expect(memo.hash(t) == want, "round \(round), \(t.count) bytes")
            }
        }
    }
}
