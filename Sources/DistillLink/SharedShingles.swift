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
    static func filter(_ samples: [PromptFamilies.Sample], isCandidate: (Int) -> Bool, backgroundCap: Int, threads: Int) -> Kept {
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
        let width = sliceWidth(samples: samples.count, threads: threads)
        // Each part's kept (sample, shingle) pairs, split by the samples' slice as they are
        // found: a slice's lists are then filled from its own pairs alone.
        let keptParts = occurrences.sortedParts(threads: threads) { p, occ -> [[(sample: Int32, shingle: UInt32)]] in
            var out = [[(sample: Int32, shingle: UInt32)]](repeating: [], count: (samples.count + width - 1) / width)
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
                    for k in i..<end {
                        let sample = sampleOf[Int(occ[k] & 0xFFFF_FFFF)]
                        out[Int(sample) / width].append((sample, shingle))
                    }
                }
                i = end
            }
            return out
        }
        return lists(keptParts, samples: samples.count, width: width, threads: threads)
    }

    /// Samples per slice of the kept lists: a slice per thread, of at least 1,024 samples
    /// (a slice's lists are one thread's work, and each part keeps a pair array per slice).
    static func sliceWidth(samples: Int, threads: Int) -> Int {
        let slices = max(1, min(threads, samples / 1024))
        return max(1, (samples + slices - 1) / slices)
    }

    /// Each sample's kept shingles from the parts' (sample, shingle) pairs, `parts[p][t]`
    /// holding part `p`'s pairs of the samples of slice `t` (`t * width..<(t + 1) * width`).
    /// A sample holds a shingle once, and parts and shingles within them ascend: each
    /// sample's list comes out ascending whatever the order within a shingle. Each slice
    /// counts its samples' pairs, then fills its own stretch of the one array, on all
    /// threads; the offsets array serves as the counts and then as the fill cursors (a
    /// dump of millions of one-prompt accounts has millions of samples: no second array
    /// of that length).
    static func lists(_ parts: [[[(sample: Int32, shingle: UInt32)]]], samples: Int, width: Int, threads: Int) -> Kept {
        let slices = (samples + width - 1) / width
        // `starts[i + 1]` counts sample `i`'s pairs, then (summed) is where its list ends.
        var starts = [Int](repeating: 0, count: samples + 1)
        // SAFETY (both passes): slice `t` reads and writes only the entries of its own samples
        // (`starts[i + 1]` when counting, `starts[i]` when filling, `i` in `t * width..<(t + 1) *
        // width`, as `filter` sliced them; checked per pair, so a stray sample traps instead of
        // writing outside its slice), so no two threads touch one entry; the pointers are used
        // only inside the closures that give them, and `parallelMap` joins every slice before
        // those return.
        starts.withUnsafeMutableBufferPointer { buffer in
            let count = UncheckedSendable(buffer.baseAddress!)
            _ = parallelMap(slices, threads: threads) { t in
                let low = t * width, high = min(samples, low + width)
                for part in parts {
                    for (sample, _) in part[t] {
                        precondition(Int(sample) >= low && Int(sample) < high, "a kept pair outside its slice")
                        count.value[Int(sample) + 1] += 1
                    }
                }
            }
        }
        for i in 0..<samples { starts[i + 1] += starts[i] }
        let total = starts[samples]
        // SAFETY: sample `i`'s pairs are written to `starts[i]..<starts[i + 1]` (as counted), each
        // slot of `0..<total` exactly once, before `initialized` is set.
        let values = [UInt32](unsafeUninitializedCapacity: total) { buffer, initialized in
            starts.withUnsafeMutableBufferPointer { cursors in
                let out = UncheckedSendable(buffer.baseAddress), next = UncheckedSendable(cursors.baseAddress!)
                _ = parallelMap(slices, threads: threads) { t in
                    for part in parts {
                        for (sample, shingle) in part[t] {
                            let i = Int(sample)
                            (out.value! + next.value[i]).initialize(to: shingle)
                            next.value[i] += 1
                        }
                    }
                }
            }
            initialized = total
        }
        // Each cursor now holds where its sample's list ends, the next list's start: one place
        // back ( `starts[samples]`, never a cursor, is `total` still).
        if samples > 0 {
            for i in stride(from: samples - 1, to: 0, by: -1) { starts[i] = starts[i - 1] }
            starts[0] = 0
        }
        return Kept(values: values, starts: starts)
    }
}
