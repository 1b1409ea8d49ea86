import DistillTestSupport
import DistillDecode
import Testing

@testable import DistillProfile

@Suite("phrase automaton")
struct AhoCorasickTests {
    /// Occurrences of each pattern a naive search finds, ASCII case folded.
    static func naive(_ patterns: [[UInt8]], _ text: [UInt8]) -> [Int: Int] {
        let folded = text.map(\.asciiLowercased)
        var found: [Int: Int] = [:]
        for (id, p) in patterns.enumerated() where p.count <= folded.count {
            let q = p.map(\.asciiLowercased)
            for s in 0...(folded.count - q.count) where Array(folded[s..<(s + q.count)]) == q { found[id, default: 0] += 1 }
        }
        return found
    }

    /// Occurrences of each pattern the automaton reports.
    static func hits(_ a: AhoCorasick, _ text: [UInt8]) -> [Int: Int] {
        var found: [Int: Int] = [:]
        text.withUnsafeBytes { a.scan($0) { found[$0, default: 0] += 1 } }
        return found
    }

    @Test func findsWhatANaiveSearchFinds() {
        let patterns = ["step by step", "Step", "by s", "ep b", "思考过程", "過程", "zzz"].map { Array($0.utf8) }
        let a = AhoCorasick(patterns: patterns)
        // Random texts over an alphabet that keeps forming and breaking the phrases.
        var generator = TestRandom(seed: 42)
        func random(_ bound: Int) -> Int { generator.next(bound) }
        let alphabet = Array("steP by思考过程zé ".utf8)
        // Short texts take one walk, longer ones two (see `scan`): lengths cover both.
        for n in Array(0..<120) + Array(stride(from: 120, to: 700, by: 9)) {
            for _ in 0..<20 {
                let text = (0..<n).map { _ in alphabet[random(alphabet.count)] }
                #expect(Self.hits(a, text) == Self.naive(patterns, text), "text \(String(decoding: text, as: UTF8.self))")
            }
        }
        let straddling = Array(String(repeating: "x", count: 20).utf8) + Array("STEP BY STEP".utf8) + Array(String(repeating: "x", count: 20).utf8)
        #expect(Self.hits(a, straddling) == [0: 1, 1: 2, 2: 1, 3: 1])
    }

    @Test func anOccurrenceAtEveryOffsetOfALongTextIsReportedOnce() {
        let patterns = ["step by step", "思考过程"].map { Array($0.utf8) }
        let a = AhoCorasick(patterns: patterns)
        for pattern in patterns.indices {
            for offset in 0...(300 - patterns[pattern].count) {
                var text = [UInt8](repeating: UInt8(ascii: "x"), count: 300)
                text.replaceSubrange(offset..<(offset + patterns[pattern].count), with: patterns[pattern])
                #expect(Self.hits(a, text) == [pattern: 1], "offset \(offset)")
            }
        }
    }
}
