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
            let repeated = Self.repeatedSketches(samples, threads: threads)
            // Most samples' shingles are computed here (see `PromptSample.shingles`), by runs of
            // ranks on all threads, in the order the keys are written below; a repeated
            // prompt's are shared.
            let shingles = parallelMap(chunks, threads: threads) { c -> (lists: [[UInt32]], perPart: [Int]) in
                var perPart = [Int](repeating: 0, count: parts)
                let lists = (c * chunk..<min(samples.count, (c + 1) * chunk)).map { rank in
                    let s = Int(sampleOfRank[rank])
                    let run = repeated.runOf[s]
                    let list = run >= 0 ? repeated.lists[Int(run)] : samples[s].prompt.shingles
                    for sh in list { perPart[Int(sh >> UInt32(lowBits))] += 1 }
                    return list
                }
                return (lists, perPart)
            }
            // Where each run's keys of each part go: parts in order, runs in order within a part.
            var at = [[Int]](repeating: [Int](repeating: 0, count: parts), count: chunks)
            var partStart = [0]
            var total = 0
            for p in 0..<parts {
                for c in 0..<chunks {
                    at[c][p] = total
                    total += shingles[c].perPart[p]
                }
                partStart.append(total)
            }
            keys = .allocate(capacity: total)
            let out = Shared(keys), offsets = at
            let mask = UInt32(1) << UInt32(lowBits) - 1
            // SAFETY: run `c` writes `shingles[c].perPart[p]` keys from `offsets[c][p]` on, ranges
            // that tile `0..<total` (built above from the same counts); every slot is written once
            // (UInt64 is trivial: writing initializes), and `parallelMap` joins the runs.
            _ = parallelMap(chunks, threads: threads) { c in
                var next = offsets[c]
                for (k, list) in shingles[c].lists.enumerated() {
                    let rank = UInt64(c * chunk + k)
                    for sh in list {
                        let p = Int(sh >> UInt32(lowBits))
                        out.keys[next[p]] = UInt64(sh & mask) << 32 | rank
                        next[p] += 1
                    }
                }
            }
            self.partStart = partStart
        }

        deinit { keys.deallocate() }

        /// The shingles of the prompts that several samples hold, each computed once:
        /// samples are in (hash, account) order, so the samples of a prompt that several
        /// accounts sent are neighbours (on the x1 bench corpus 71 % of the samples repeat
        /// the one before). `runOf[s]` is sample `s`'s run of neighbours with the same kept
        /// text (`PromptSample.sketchesTheSameText`), an index of `lists`, or -1 for a
        /// sample alone (sketched where it is read, in rank order).
        static func repeatedSketches(_ samples: [PromptFamilies.Sample], threads: Int) -> (runOf: [Int32], lists: [[UInt32]]) {
            // The same text and no own sketch means the same prompt, so the same hash: the
            // texts are compared only then.
            func repeatsPrevious(_ s: Int) -> Bool {
                samples[s].hash == samples[s - 1].hash && samples[s].prompt.sketchesTheSameText(as: samples[s - 1].prompt)
            }
            var runOf = [Int32](repeating: -1, count: samples.count)
            var firsts: [Int] = []
            for s in samples.indices.dropFirst() where repeatsPrevious(s) {
                // A run starts where its second sample is the first to repeat the one before.
                if runOf[s - 1] < 0 {
                    runOf[s - 1] = Int32(truncatingIfNeeded: firsts.count)
                    firsts.append(s - 1)
                }
                runOf[s] = runOf[s - 1]
            }
            let first = firsts
            return (runOf, parallelArray(first.count, threads: threads) { samples[first[$0]].prompt.shingles })
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
