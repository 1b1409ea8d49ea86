import DistillInput
import DistillSupport

/// The shingles of each sampled prompt that say something about coordination: held by
/// at least two accounts (a shingle of one account's prompts alone is payload) and by at
/// most `backgroundCap` ordinary (non-candidate) accounts (an everyday phrase). What is
/// left of a templated prompt is its skeleton, whatever the size of its payload.
enum SharedShingles {
    /// Per sample, its kept shingles (ascending).
    static func filter(_ samples: [PromptFamilies.Sample], isCandidate: (Int) -> Bool, backgroundCap: Int, threads: Int) -> [[UInt32]] {
        // Most samples' shingles are computed here (see `PromptSample.shingles`), in chunks on all threads.
        let chunk = 2048
        let shingles = parallelMap((samples.count + chunk - 1) / chunk, threads: threads) { c in
            samples[(c * chunk)..<min(samples.count, (c + 1) * chunk)].map(\.prompt.shingles)
        }.flatMap { $0 }
        // Occurrences (shingle, account, sample) split by the shingle's top bits into
        // parts sorted and counted on all threads.
        let parts = 64
        var byPart = [[(key: UInt64, sample: Int32)]](repeating: [], count: parts)
        var candidate: [Bool] = []
        for (i, x) in samples.enumerated() {
            if x.account >= candidate.count { candidate += [Bool](repeating: false, count: x.account - candidate.count + 1) }
            candidate[x.account] = isCandidate(x.account)
            for sh in shingles[i] {
                byPart[Int(sh >> 26)].append((UInt64(sh) << 32 | UInt64(x.account), Int32(i)))
            }
        }
        let isCand = candidate, input = byPart
        let keptParts = parallelMap(parts, threads: threads) { p -> [(sample: Int32, shingle: UInt32)] in
            var occ = input[p]
            occ.sort { $0.key != $1.key ? $0.key < $1.key : $0.sample < $1.sample }
            var out: [(sample: Int32, shingle: UInt32)] = []
            var i = 0
            while i < occ.count {
                let shingle = occ[i].key >> 32
                var end = i, accounts = 0, background = 0
                var last = UInt64.max
                while end < occ.count && occ[end].key >> 32 == shingle {
                    let a = occ[end].key & 0xFFFF_FFFF
                    if a != last {
                        accounts += 1
                        if !isCand[Int(a)] { background += 1 }
                        last = a
                    }
                    end += 1
                }
                if accounts >= 2 && background <= backgroundCap {
                    for k in i..<end { out.append((occ[k].sample, UInt32(shingle))) }
                }
                i = end
            }
            return out
        }
        var kept = [[UInt32]](repeating: [], count: samples.count)
        for part in keptParts { for (sample, shingle) in part { kept[Int(sample)].append(shingle) } }
        return kept
    }
}
