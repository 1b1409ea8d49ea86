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
        // Samples ranked by account: an occurrence key holds the rank, so that a shingle's
        // occurrences, sorted, come account by account (distinct accounts are runs).
        // (Sample indexes and account indexes are below 2^31: both are array positions.)
        let byAccount = samples.indices.map { UInt64(samples[$0].account) << 32 | UInt64($0) }.sorted()
        let accountOfRank = byAccount.map { Int32(truncatingIfNeeded: $0 >> 32) }
        let sampleOfRank = byAccount.map { Int32(truncatingIfNeeded: $0 & 0xFFFF_FFFF) }
        var rankOf = [Int32](repeating: 0, count: samples.count)
        for (rank, i) in sampleOfRank.enumerated() { rankOf[Int(i)] = Int32(truncatingIfNeeded: rank) }
        var candidate = [Bool](repeating: false, count: (samples.map(\.account).max() ?? -1) + 1)
        for x in samples { candidate[x.account] = isCandidate(x.account) }
        let byPart = occurrences(samples, rankOf: rankOf, threads: threads)
        let isCand = candidate, accountOf = accountOfRank, sampleOf = sampleOfRank
        let keptParts = parallelMap(byPart.count, threads: threads) { p -> [(sample: Int32, shingle: UInt32)] in
            // Occurrences are 8-byte keys (low shingle bits, account rank): a plain integer sort.
            var occ = byPart[p]
            occ.sort()
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
        // A sample holds a shingle once, and parts and shingles within them ascend: each
        // sample's kept shingles come out ascending whatever the order within a shingle.
        var kept = [[UInt32]](repeating: [], count: samples.count)
        for part in keptParts { for (sample, shingle) in part { kept[Int(sample)].append(shingle) } }
        return kept
    }

    /// Every (shingle, sample) occurrence as a key `low shingle bits << 32 | rank`, split
    /// by the shingle's top bits; each part's array is allocated at its exact size (no
    /// growth copies: this is the link stage's largest allocation).
    static func occurrences(_ samples: [PromptFamilies.Sample], rankOf: [Int32], threads: Int) -> [[UInt64]] {
        // Most samples' shingles are computed here (see `PromptSample.shingles`), in chunks on all threads.
        let chunk = 2048
        let shingles = parallelMap((samples.count + chunk - 1) / chunk, threads: threads) { c in
            samples[(c * chunk)..<min(samples.count, (c + 1) * chunk)].map(\.prompt.shingles)
        }
        var sizes = [Int](repeating: 0, count: 1 << partBits)
        for part in shingles { for list in part { for sh in list { sizes[Int(sh >> UInt32(lowBits))] += 1 } } }
        var byPart = sizes.map { size -> [UInt64] in
            var a = [UInt64]()
            a.reserveCapacity(size)
            return a
        }
        let mask = UInt32(1) << UInt32(lowBits) - 1
        var i = 0
        for part in shingles {
            for list in part {
                let rank = UInt64(UInt32(bitPattern: rankOf[i]))
                for sh in list { byPart[Int(sh >> UInt32(lowBits))].append(UInt64(sh & mask) << 32 | rank) }
                i += 1
            }
        }
        return byPart
    }
}
