import DistillProfile
import DistillSupport

extension PromptFamilies {
    /// Every included account's sampled prompts in (hash, account) order: an order that
    /// does not depend on the order found, since (hash, account) is unique.
    static func gather(_ accounts: [AccountView], include: @Sendable (Int) -> Bool, threads: Int) -> [Sample] {
        // Gathered per run of accounts on all threads (copying the sketches' items out is
        // most of the cost), the runs in account order.
        let run = 1024
        let runs = parallelMap((accounts.count + run - 1) / run, threads: threads) { r -> [Sample] in
            var found: [Sample] = []
            for i in (r * run)..<min(accounts.count, (r + 1) * run) where include(i) {
                // The general sample, then the extraction part's own, less the prompts already sampled.
                accounts[i].profile.forEachSampledPrompt { hash, count, prompt, general, part in
                    found.append(Sample(account: i, hash: hash, count: count, prompt: prompt, general: general, part: part))
                }
            }
            return found
        }
        return ordered(runs, threads: threads)
    }

    /// The sample indexes grouped by account, ascending within each account (a counting
    /// sort: no comparison sort of all samples): account `a`'s samples are
    /// `order[start[a]..<start[a + 1]]`, for accounts below `start.count - 1`. (Sample
    /// indexes are array positions, below 2^31.)
    static func byAccount(_ samples: [Sample]) -> (start: [Int], order: [Int32]) {
        let bound = (samples.map(\.account).max() ?? -1) + 1
        var start = [Int](repeating: 0, count: bound + 1)
        for x in samples { start[x.account + 1] += 1 }
        for a in 0..<bound { start[a + 1] += start[a] }
        var next = start
        var order = [Int32](repeating: 0, count: samples.count)
        for i in samples.indices {
            let a = samples[i].account
            order[next[a]] = Int32(truncatingIfNeeded: i)
            next[a] += 1
        }
        return (start, order)
    }

    /// Where a gathered sample is (`run << 32 | index`), keyed by its hash. Ties (one prompt
    /// of several accounts) are ordered by location, which is account order: runs are
    /// blocks of accounts in order, each gathered in account order. The sort reads the keys
    /// alone, never a sample.
    private struct Key {
        var hash: UInt64
        var location: UInt64
    }

    /// Top bits of a sample's hash that pick its part: hashes are uniform, so the parts are
    /// of about equal size, and the parts in order, each sorted, are the whole order.
    private static let partBits = 6

    /// The samples of all runs in (hash, account) order, each copied once, straight to its
    /// place: the keys are split by the hash's top bits and each part sorted and copied out
    /// on all threads (the samples are large to move, and sorting them serially was a
    /// serial step of the link stage).
    private static func ordered(_ runs: [[Sample]], threads: Int) -> [Sample] {
        // Each part's keys in an array of its exact size (with millions of samples the keys are large).
        var sizes = [Int](repeating: 0, count: 1 << partBits)
        for run in runs { for x in run { sizes[Int(x.hash >> UInt64(64 - partBits))] += 1 } }
        var parts = sizes.map { size -> [Key] in
            var keys: [Key] = []
            keys.reserveCapacity(size)
            return keys
        }
        for r in runs.indices {
            for j in runs[r].indices {
                let hash = runs[r][j].hash
                parts[Int(hash >> UInt64(64 - partBits))].append(Key(hash: hash, location: UInt64(r) << 32 | UInt64(j)))
            }
        }
        var offsets = [0]
        for p in parts { offsets.append(offsets.last! + p.count) }
        let total = offsets.last!, keys = parts, starts = offsets
        // SAFETY: part `p` initializes exactly the slots `starts[p]..<starts[p + 1]` (its keys, one
        // slot each), the parts' ranges tile `0..<total`, and `parallelMap` has joined every part
        // before `count` is set.
        return [Sample](unsafeUninitializedCapacity: total) { buffer, count in
            let out = UncheckedSendable(buffer.baseAddress!)
            _ = parallelMap(keys.count, threads: threads) { p in
                var part = keys[p]
                func run(_ key: Key) -> Int { Int(key.location >> 32) }
                func index(_ key: Key) -> Int { Int(key.location & 0xFFFF_FFFF) }
                part.sort { $0.hash != $1.hash ? $0.hash < $1.hash : $0.location < $1.location }
                for (k, key) in part.enumerated() { (out.value + starts[p] + k).initialize(to: runs[run(key)][index(key)]) }
            }
            count = total
        }
    }
}
