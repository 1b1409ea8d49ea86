import DistillTestSupport
import Testing

@testable import DistillProfile

@Suite("phrase search")
struct PhraseSearchTests {
    /// Occurrences of each pattern a search reports.
    static func hits(_ search: PhraseSearch, _ text: [UInt8]) -> [Int: Int] {
        var found: [Int: Int] = [:]
        text.withUnsafeBytes { search.scan($0) { found[$0, default: 0] += 1 } }
        return found
    }

    /// A fixed LCG: the same texts on every run.

    @Test func theDefaultPackUsesTheFilterAndALargePackTheAutomaton() {
        let builtIn = RulePack.builtIn.rules.flatMap { $0.phrases ?? [] }.map { Array($0.utf8) }
        #expect(PhraseSearch(patterns: builtIn).filter != nil, "the default pack uses the filter")
        let many = (0...ShiftOrPhraseFilter.maxPatterns).map { Array("phrase \($0)".utf8) }
        #expect(PhraseSearch(patterns: ["abc", ""].map { Array($0.utf8) }).filter == nil, "an empty phrase: the automaton")
        #expect(PhraseSearch(patterns: many).filter == nil && PhraseSearch(patterns: many).automaton != nil, "past maxPatterns the automaton")
    }

    /// The filter folds bytes with `| 0x20`, which also pairs '@' with '`', '[' with '{' and
    /// 0xC3 with 0xE3: the check must tell them apart, as the automaton does.
    @Test func filterFindsWhatANaiveSearchFinds() {
        let patterns = ["step by step", "Step", "by s", "ep b", "思考过程", "過程", "zzz", "a@b", "x[y", "Ã", "çé", "1 to 10", "think step by step carefully"].map { Array($0.utf8) }
        let filter = PhraseSearch(patterns: patterns)
        #expect(filter.filter != nil)
        var random = TestRandom(seed: 7)
        let alphabet = Array("steP by思考过程zé a`b@x{y[ÃãçÇ1 to10thinkcarefully".utf8)
        // Every length up to 80 crosses the 16-byte steps, the 8-byte blocks and the tail.
        for n in Array(0..<80) + Array(stride(from: 80, to: 600, by: 13)) {
            for _ in 0..<25 {
                let text = (0..<n).map { _ in alphabet[random.next(alphabet.count)] }
                #expect(Self.hits(filter, text) == AhoCorasickTests.naive(patterns, text), "text \(text)")
            }
        }
    }

    @Test func filterAndAutomatonAgreeOnPhrasesFromTheDefaultPack() {
        let builtIn = RulePack.builtIn.rules.flatMap { $0.phrases ?? [] }.map { Array($0.utf8) }
        let filter = PhraseSearch(patterns: builtIn), automaton = AhoCorasick(patterns: builtIn)
        var random = TestRandom(seed: 11)
        // Texts stitched from the phrases themselves, upper-cased at random, with filler.
        for _ in 0..<400 {
            var text: [UInt8] = []
            for _ in 0..<random.next(12) {
                text += Array(" and then ".utf8).prefix(random.next(11))
                var phrase = builtIn[random.next(builtIn.count)]
                if random.next(3) == 0 { phrase = phrase.map { $0 >= 0x61 && $0 <= 0x7A ? $0 - 32 : $0 } }
                text += phrase.prefix(phrase.count - random.next(2))
            }
            #expect(Self.hits(filter, text) == AhoCorasickTests.hits(automaton, text))
            #expect(Self.hits(filter, text) == AhoCorasickTests.naive(builtIn, text))
        }
    }

    @Test func anOccurrenceAtEveryOffsetIsReportedOnce() {
        let patterns = ["step by step", "思考过程", "abc"].map { Array($0.utf8) }
        let filter = PhraseSearch(patterns: patterns)
        for pattern in patterns.indices {
            for length in [patterns[pattern].count, 17, 40, 100] where length >= patterns[pattern].count {
                for offset in 0...(length - patterns[pattern].count) {
                    var text = [UInt8](repeating: UInt8(ascii: "x"), count: length)
                    text.replaceSubrange(offset..<(offset + patterns[pattern].count), with: patterns[pattern])
                    #expect(Self.hits(filter, text) == [pattern: 1], "length \(length), offset \(offset)")
                }
            }
        }
    }
}
