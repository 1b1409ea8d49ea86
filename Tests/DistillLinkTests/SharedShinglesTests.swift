import DistillTestSupport
import DistillProfile
import DistillSupport
import Testing

@testable import DistillLink

/// `SharedShingles.filter` (occurrence keys written and radix-sorted by parts on all
/// threads) must keep exactly the shingles of the definition.
@Suite("shared shingles")
struct SharedShinglesTests {
    /// The definition: a shingle is kept when at least two accounts hold it and at most
    /// `cap` of them are ordinary.
    static func reference(_ samples: [PromptFamilies.Sample], isCandidate: (Int) -> Bool, cap: Int) -> [[UInt32]] {
        var holders: [UInt32: Set<Int>] = [:]
        for x in samples { for sh in x.prompt.shingles { holders[sh, default: []].insert(x.account) } }
        return samples.map { x in
            x.prompt.shingles.filter { sh in
                let accounts = holders[sh]!
                return accounts.count >= 2 && accounts.filter { !isCandidate($0) }.count <= cap
            }
        }
    }

    /// Samples in (hash, account) order, as `PromptFamilies` hands them over: prompts made
    /// of words from a small vocabulary, so that many shingles are shared.
    static func samples(accounts: Int, perAccount: Int, seed: UInt64) -> [PromptFamilies.Sample] {
        var out: [PromptFamilies.Sample] = []
        for a in 0..<accounts {
            for k in 0..<perAccount {
                let words = (0..<(8 + k % 5)).map { w in "w\(StableHash.mix(seed &+ UInt64(a * 7 + k * 3 + w * 11) / 3) % 40)" }
                let text = words.joined(separator: " ")
                let prompt = AccountProfile.PromptSample(prompt: text, textBytes: 600, tags: 0)
                out.append(PromptFamilies.Sample(account: a, hash: StableHash.string(text), count: 1, prompt: prompt))
            }
        }
        return out.sorted { ($0.hash, $0.account) < ($1.hash, $1.account) }
    }

    @Test(arguments: [1, 2, 3])
    func keptShinglesFollowTheDefinition(threads: Int) {
        for seed: UInt64 in [1, 2] {
            let samples = Self.samples(accounts: 300, perAccount: 9, seed: seed)
            let isCandidate = { (a: Int) in a % 3 == 0 }
            for cap in [0, 5, 1_000] {
                let kept = SharedShingles.filter(samples, isCandidate: isCandidate, backgroundCap: cap, threads: threads)
                let expected = Self.reference(samples, isCandidate: isCandidate, cap: cap)
                #expect(kept.lists == expected, "seed \(seed), cap \(cap)")
                if cap == 1_000 { #expect(kept.lists.contains { !$0.isEmpty }) }
            }
        }
    }

    /// The kept lists come out the same for any slicing of the samples: each sample's
    /// shingles in part order, ascending (the serial append they replace).
    @Test func keptListsAreTheSameForEverySlicing() {
        var random = TestRandom(seed: 11)
        func next(_ n: Int) -> Int { random.next(n) }
        for _ in 0..<60 {
            let samples = next(300), partCount = 1 + next(5)
            // Each part: ascending shingles, each held by some samples (in any order).
            var shingle: UInt32 = 0
            let parts = (0..<partCount).map { _ -> [(sample: Int32, shingle: UInt32)] in
                var pairs: [(sample: Int32, shingle: UInt32)] = []
                for _ in 0..<(samples == 0 ? 0 : next(40)) {
                    shingle += UInt32(1 + next(3))
                    let holders = Set((0..<(1 + next(6))).map { _ in Int32(next(samples)) })
                    for h in holders.sorted(by: { _, _ in next(2) == 0 }) { pairs.append((h, shingle)) }
                }
                return pairs
            }
            var expected = [[UInt32]](repeating: [], count: samples)
            for part in parts { for (sample, shingle) in part { expected[Int(sample)].append(shingle) } }
            for width in [1, 2, 7, 64, 1_000] {
                let sliced = parts.map { part -> [[(sample: Int32, shingle: UInt32)]] in
                    var out = [[(sample: Int32, shingle: UInt32)]](repeating: [], count: (samples + width - 1) / width)
                    for x in part { out[Int(x.sample) / width].append(x) }
                    return out
                }
                for threads in [1, 2, 3] {
                    #expect(SharedShingles.lists(sliced, samples: samples, width: width, threads: threads).lists == expected, "width \(width), threads \(threads)")
                }
            }
        }
        #expect(SharedShingles.sliceWidth(samples: 0, threads: 4) == 1)
        #expect(SharedShingles.sliceWidth(samples: 10_000, threads: 1_024) == 1_112)
        #expect(SharedShingles.sliceWidth(samples: 10_000, threads: 2) == 5_000)
    }

    /// A prompt sampled by several accounts is sketched once (`Occurrences.repeatedSketches`), and
    /// every sample still gets its own prompt's shingles: also where neighbours share a
    /// hash but not their bytes (canonically equivalent texts, which `==` equates, under
    /// a forged hash), and where a long prompt's own sketch stands in for its kept text,
    /// which another prompt's whole text equals.
    @Test(arguments: [1, 2, 3])
    func sharedPromptsAreSketchedOnceAndEachSampleKeepsItsOwnShingles(threads: Int) {
        func sample(_ account: Int, _ text: String, hash: UInt64, textBytes: Int = 600) -> PromptFamilies.Sample {
            PromptFamilies.Sample(account: account, hash: hash, count: 1, prompt: AccountProfile.PromptSample(prompt: text, textBytes: textBytes, tags: 0))
        }
        let composed = "un caf\u{E9} au lait pour la table sept", decomposed = "un cafe\u{301} au lait pour la table sept"
        let long = (0..<120).map { "mot\($0 % 17)" }.joined(separator: " ")
        let cut = String(decoding: long.utf8.prefix(200), as: UTF8.self)
        var samples: [PromptFamilies.Sample] = []
        // One prompt in 5,000 accounts: runs that cross the 2,048-sample chunks.
        for a in 0..<5_000 { samples.append(sample(a, "summarise the attached report in three bullet points", hash: 1)) }
        samples.append(sample(0, composed, hash: 2))
        samples.append(sample(1, decomposed, hash: 2))
        samples.append(sample(2, composed, hash: 2))
        samples.append(sample(0, long, hash: 3, textBytes: 200))
        samples.append(sample(1, cut, hash: 3, textBytes: 200))
        samples.append(sample(2, long, hash: 3, textBytes: 200))
        samples.append(sample(3, cut, hash: 3, textBytes: 200))
        #expect(composed == decomposed && samples[5_000].prompt.shingles != samples[5_001].prompt.shingles)
        #expect(samples[5_003].prompt.text == samples[5_004].prompt.text && samples[5_003].prompt.shingles != samples[5_004].prompt.shingles)
        let repeated = SharedShingles.Occurrences.repeatedSketches(samples, threads: threads)
        #expect(repeated.runOf.count == samples.count)
        let sketches = samples.indices.map { repeated.runOf[$0] >= 0 ? repeated.lists[Int(repeated.runOf[$0])] : samples[$0].prompt.shingles }
        #expect(sketches.indices.filter { sketches[$0] != samples[$0].prompt.shingles }.isEmpty)
        // Sketched once: the 5,000 samples of one prompt are one run (across the 2,048-sample
        // chunks that read them), and the composed text repeats no neighbour's bytes.
        #expect(Set(repeated.runOf[0..<5_000]) == [0])
        #expect(repeated.runOf[5_000...].allSatisfy { $0 != 0 })
        #expect(repeated.lists.count == 1)
    }
}
