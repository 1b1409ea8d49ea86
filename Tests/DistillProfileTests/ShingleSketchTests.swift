import DistillDecode
import DistillSupport
import Testing

@testable import DistillProfile

/// The streamed `ShingleSketch` (fixed buffers, the middle cut back as it fills) must keep
/// exactly the shingles of the definition: every shingle listed, the ends and the sampled
/// middle picked from the list. Family ids depend on every kept shingle.
@Suite("shingle sketch")
struct ShingleSketchTests {
    /// The definition, over the whole list of shingles.
    static func referenceSketch(_ text: String) -> [UInt32] {
        let tokens = TokenizerTests.referenceTokens(text)
        var all: [UInt64] = []
        if tokens.count == 1 { all.append(StableHash.mix(tokens[0])) }
        if tokens.count > 1 { for i in 0..<(tokens.count - 1) { all.append(StableHash.mix(tokens[i] &* 31 ^ tokens[i + 1])) } }
        let edge = ShingleSketch.edge, cap = ShingleSketch.cap
        var kept: [UInt64] = [], middle: [UInt64] = []
        for (i, h) in all.enumerated() {
            if i < edge || i >= all.count - edge { kept.append(h) } else if h <= UInt64.max / ShingleSketch.rate { middle.append(h) }
        }
        middle.sort()
        kept += middle.prefix(max(0, cap - kept.count))
        var out: [UInt32] = []
        for h in kept.sorted() where out.last != UInt32(truncatingIfNeeded: h >> 32) { out.append(UInt32(truncatingIfNeeded: h >> 32)) }
        return out
    }

    /// Word counts around the buffers' edges: none, one, the head, head and ring, a middle
    /// under the cap, over it, and over the middle buffer (cut back several times).
    static let lengths = [0, 1, 2, 15, 16, 17, 31, 32, 33, 34, 60, 200, 1_700, 4_000, 20_000]

    static func words(_ n: Int, seed: UInt64) -> String {
        (0..<n).map { i in "w\(StableHash.mix(seed &+ UInt64(i)) % 5_000)" }.joined(separator: " ")
    }

    @Test(arguments: lengths)
    func streamedSketchKeepsTheDefinitionsShingles(words n: Int) {
        for seed: UInt64 in [1, 2, 3] {
            let text = Self.words(n, seed: seed)
            #expect(ShingleSketch.of(text) == Self.referenceSketch(text), "\(n) words, seed \(seed)")
        }
    }

    @Test(arguments: TokenizerTests.texts)
    func sketchOfMixedScriptsFollowsTheDefinition(text: String) {
        #expect(ShingleSketch.of(text) == Self.referenceSketch(text))
        #expect(ShingleSketch.of(text + " " + text + " " + text) == Self.referenceSketch(text + " " + text + " " + text))
    }
}
