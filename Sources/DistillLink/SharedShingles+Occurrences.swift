import DistillSupport

extension SharedShingles {
    /// Every (shingle, sample) occurrence as a key `low shingle bits << 32 | rank`, in one
    /// flat array split into parts by the shingle's top bits, each part in ascending rank
    /// order. Filled on all threads: runs of ranks count their keys per part, then write
    /// them at their own offsets (no serial pass over the occurrences, no growth copies:
    /// this is the link stage's largest allocation).
    struct Occurrences: ~Copyable {
        private let keys: UnsafeMutableBufferPointer<UInt64>
        /// Part `p` is `keys[partStart[p]..<partStart[p + 1]]`.
        private let partStart: [Int]

        init(_ samples: [PromptFamilies.Sample], sampleOfRank: [Int32], threads: Int) {
            let parts = 1 << partBits, chunk = 2048
            let chunks = (samples.count + chunk - 1) / chunk
            let lists = Self.sketches(samples, threads: threads)
            // Each run of ranks counts its keys per part.
            let perPart = parallelMap(chunks, threads: threads) { c -> [Int] in
                var perPart = [Int](repeating: 0, count: parts)
                for rank in c * chunk..<min(samples.count, (c + 1) * chunk) {
                    for sh in lists[Int(sampleOfRank[rank])] { perPart[Int(sh >> UInt32(lowBits))] += 1 }
                }
                return perPart
            }
            // Where each run's keys of each part go: parts in order, runs in order within a part.
            var at = [[Int]](repeating: [Int](repeating: 0, count: parts), count: chunks)
            var partStart = [0]
            var total = 0
            for p in 0..<parts {
                for c in 0..<chunks {
                    at[c][p] = total
                    total += perPart[c][p]
                }
                partStart.append(total)
            }
            keys = .allocate(capacity: total)
            let out = Shared(keys), offsets = at
            let mask = UInt32(1) << UInt32(lowBits) - 1
            // SAFETY: run `c` writes `perPart[c][p]` keys from `offsets[c][p]` on, ranges
            // that tile `0..<total` (built above from the same counts); every slot is written once
            // (UInt64 is trivial: writing initializes), and `parallelMap` joins the runs.
            _ = parallelMap(chunks, threads: threads) { c in
                var next = offsets[c]
                for r in c * chunk..<min(samples.count, (c + 1) * chunk) {
                    let rank = UInt64(r)
                    for sh in lists[Int(sampleOfRank[r])] {
                        let p = Int(sh >> UInt32(lowBits))
                        out.keys[next[p]] = UInt64(sh & mask) << 32 | rank
                        next[p] += 1
                    }
                }
            }
            self.partStart = partStart
        }

        deinit { keys.deallocate() }

        /// Every sample's shingles (`PromptSample.shingles`, where most are computed), by
        /// sample index, on all threads. Samples are in (hash, account) order, so a prompt
        /// sampled by several accounts comes in neighbours, sketched once and shared (on the
        /// x1 bench corpus 71 % of the samples repeat the one before).
        static func sketches(_ samples: [PromptFamilies.Sample], threads: Int) -> [[UInt32]] {
            let chunk = 2048
            let runs = parallelMap((samples.count + chunk - 1) / chunk, threads: threads) { c -> [[UInt32]] in
                let range = c * chunk..<min(samples.count, (c + 1) * chunk)
                var out: [[UInt32]] = []
                out.reserveCapacity(range.count)
                for i in range {
                    let prompt = samples[i].prompt
                    if i > range.lowerBound, prompt.sketchesTheSameText(as: samples[i - 1].prompt) {
                        out.append(out[out.count - 1])
                    } else {
                        out.append(prompt.shingles)
                    }
                }
                return out
            }
            var all: [[UInt32]] = []
            all.reserveCapacity(samples.count)
            for run in runs { all.append(contentsOf: run) }
            return all
        }

        /// `body` of each part (its index and its keys sorted), on all threads; the results
        /// in part order. A part's keys are in rank order, so a stable sort by the shingle
        /// bits alone (a radix sort, two passes of 13 bits) sorts them by (shingle, rank).
        func sortedParts<T: Sendable>(threads: Int, _ body: @Sendable (Int, UnsafeBufferPointer<UInt64>) -> T) -> [T] {
            let shared = Shared(keys), partStart = partStart
            // SAFETY: part `p` reads and writes only `keys[partStart[p]..<partStart[p + 1]]`
            // (disjoint ranges within the allocation) and its own scratch; `parallelMap` joins the parts.
            return parallelMap(partStart.count - 1, threads: threads) { p in
                let part = UnsafeMutableBufferPointer(rebasing: shared.keys[partStart[p]..<partStart[p + 1]])
                let scratch = UnsafeMutableBufferPointer<UInt64>.allocate(capacity: part.count)
                defer { scratch.deallocate() }
                let digit = (lowBits + 1) / 2
                Self.countingSort(from: UnsafeBufferPointer(part), to: scratch, shift: 32, bits: digit)
                Self.countingSort(from: UnsafeBufferPointer(scratch), to: part, shift: 32 + digit, bits: lowBits - digit)
                return body(p, UnsafeBufferPointer(part))
            }
        }

        /// A stable counting sort of `from` into `to` by the key bits `shift..<shift + bits`.
        private static func countingSort(from: UnsafeBufferPointer<UInt64>, to: UnsafeMutableBufferPointer<UInt64>, shift: Int, bits: Int) {
            let mask = UInt64(1) << UInt64(bits) - 1
            var next = [Int](repeating: 0, count: 1 << bits)
            for k in from { next[Int(k >> UInt64(shift) & mask)] += 1 }
            var sum = 0
            for d in next.indices {
                let n = next[d]
                next[d] = sum
                sum += n
            }
            // SAFETY: the counts above place each of `from.count` keys in its own slot of `to` (same count).
            for k in from {
                let d = Int(k >> UInt64(shift) & mask)
                to[next[d]] = k
                next[d] += 1
            }
        }

        /// The keys' buffer, handed to the threads that fill and sort it (each its own ranges).
        // SAFETY: @unchecked Sendable: shared only inside `init` and `sortedParts`, whose threads touch disjoint ranges and are joined before they return.
        private struct Shared: @unchecked Sendable {
            let keys: UnsafeMutableBufferPointer<UInt64>
            init(_ keys: UnsafeMutableBufferPointer<UInt64>) { self.keys = keys }
        }
    }
}
