import DistillInput
import DistillSupport

/// The shingles of each sampled prompt that say something about coordination: held by
/// at least two accounts (a shingle of one account's prompts alone is payload) and by at
/// most `backgroundCap` ordinary (non-candidate) accounts (an everyday phrase). What is
/// left of a templated prompt is its skeleton, whatever the size of its payload.
enum SharedShingles {
    /// Parts the occurrences are split into by a shingle's top bits (sorted and counted on all threads).
    static let partBits = 6
    /// Bits of a shingle left in an occurrence key once its part is known.
    static let lowBits = 32 - partBits

    /// Per sample, its kept shingles (ascending).
    static func filter(_ samples: [PromptFamilies.Sample], isCandidate: (Int) -> Bool, backgroundCap: Int, threads: Int) -> [[UInt32]] {
        // Samples ranked by account (then sample index): an occurrence key holds the rank, so
        // that a shingle's occurrences, in rank order, come account by account (distinct
        // accounts are runs). (Account indexes are array positions, below 2^31.)
        let (start, sampleOfRank) = PromptFamilies.byAccount(samples)
        let bound = start.count - 1
        let accountOfRank = sampleOfRank.map { Int32(truncatingIfNeeded: samples[Int($0)].account) }
        var candidate = [Bool](repeating: false, count: bound)
        for x in samples { candidate[x.account] = isCandidate(x.account) }
        let occurrences = Occurrences(samples, sampleOfRank: sampleOfRank, threads: threads)
        let isCand = candidate, accountOf = accountOfRank, sampleOf = sampleOfRank
        let keptParts = occurrences.sortedParts(threads: threads) { p, occ -> [(sample: Int32, shingle: UInt32)] in
            var out: [(sample: Int32, shingle: UInt32)] = []
            var i = 0
            while i < occ.count {
                let low = occ[i] >> 32
                var end = i, accounts = 0, background = 0
                var last = Int32(-1)
                while end < occ.count && occ[end] >> 32 == low {
                    let a = accountOf[Int(occ[end] & 0xFFFF_FFFF)]
                    if a != last {
                        accounts += 1
                        if !isCand[Int(a)] { background += 1 }
                        last = a
                    }
                    end += 1
                }
                if accounts >= 2 && background <= backgroundCap {
                    let shingle = UInt32(p) << UInt32(lowBits) | UInt32(low)
                    for k in i..<end { out.append((sampleOf[Int(occ[k] & 0xFFFF_FFFF)], shingle)) }
                }
                i = end
            }
            return out
        }
        return lists(keptParts, samples: samples.count, threads: threads)
    }

    /// Each sample's kept shingles from the parts' (sample, shingle) pairs. A sample holds a
    /// shingle once, and parts and shingles within them ascend: each sample's list comes
    /// out ascending whatever the order within a shingle. Each list is made at its exact
    /// size, and the lists are filled on all threads, a range of samples each (grown one
    /// append at a time on one thread, they were a serial step of the link stage).
    static func lists(_ parts: [[(sample: Int32, shingle: UInt32)]], samples: Int, threads: Int) -> [[UInt32]] {
        var counts = [Int32](repeating: 0, count: samples)
        for part in parts { for (sample, _) in part { counts[Int(sample)] += 1 } }
        let slices = max(1, threads), sizes = counts
        return parallelMap(slices, threads: threads) { t -> [[UInt32]] in
            let low = samples * t / slices, high = samples * (t + 1) / slices
            var out = (low..<high).map { s -> [UInt32] in
                var list: [UInt32] = []
                list.reserveCapacity(Int(sizes[s]))
                return list
            }
            for part in parts {
                for (sample, shingle) in part where Int(sample) >= low && Int(sample) < high { out[Int(sample) - low].append(shingle) }
            }
            return out
        }.flatMap { $0 }
    }
}
