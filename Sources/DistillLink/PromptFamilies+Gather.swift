import DistillProfile
import DistillSupport

extension PromptFamilies {
    /// Every included account's sampled prompts in (hash, account) order: an order that
    /// does not depend on the order found, since (hash, account) is unique.
    ///
    /// Read twice, on all threads, per run of accounts: first each sample's hash alone,
    /// which gives each its place in the order; then each sample is made once, straight at
    /// its place. (Gathering the samples first and copying them to their places retained
    /// each prompt's text and shingles twice and released them once, cold memory each time.)
    static func gather(_ accounts: [AccountView], include: @Sendable (Int) -> Bool, threads: Int) -> [Sample] {
        let run = 1024
        let runs = (accounts.count + run - 1) / run
        @Sendable func forEachIncluded(_ r: Int, _ body: (Int) -> Void) {
            for i in (r * run)..<min(accounts.count, (r + 1) * run) where include(i) { body(i) }
        }
        let hashes = parallelMap(runs, threads: threads) { r -> [UInt64] in
            var found: [UInt64] = []
            // The general sample, then the extraction part's own, less the prompts already sampled.
            forEachIncluded(r) { i in accounts[i].profile.forEachSampledPromptHash { found.append($0) } }
            return found
        }
        var firstOfRun = [0]
        for h in hashes { firstOfRun.append(firstOfRun.last! + h.count) }
        let total = firstOfRun.last!, first = firstOfRun
        let place = places(hashes, total: total, threads: threads)
        // SAFETY: `place` is a permutation of `0..<total` (`places`), and run `r`'s `j`-th sample
        // goes to slot `place[first[r] + j]`: the second reading of run `r` meets its samples in
        // the order of the first (the profiles are not changed in between; its count is checked
        // as it goes, so a reading that differed would trap, not write twice or leave a slot
        // unset), so every slot is initialized exactly once; `parallelMap` has joined every run
        // before `count` is set.
        return [Sample](unsafeUninitializedCapacity: total) { buffer, count in
            let out = UncheckedSendable(buffer.baseAddress)
            _ = parallelMap(runs, threads: threads) { r in
                var j = first[r]
                forEachIncluded(r) { i in
                    accounts[i].profile.forEachSampledPrompt { hash, n, prompt, general, part in
                        precondition(j < first[r + 1], "a second reading of a run's samples found more")
                        (out.value! + place[j]).initialize(to: Sample(account: i, hash: hash, count: n, prompt: prompt, general: general, part: part))
                        j += 1
                    }
                }
                precondition(j == first[r + 1], "a second reading of a run's samples found fewer")
            }
            count = total
        }
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

    /// Where a gathered sample is (its index in gathering order), keyed by its hash. Ties
    /// (one prompt of several accounts) are ordered by location, which is account order:
    /// runs are blocks of accounts in order, each gathered in account order. The sort reads
    /// the keys alone, never a sample.
    private struct Key {
        var hash: UInt64
        var location: UInt64
    }

    /// Top bits of a sample's hash that pick its part: hashes are uniform, so the parts are
    /// of about equal size, and the parts in order, each sorted, are the whole order.
    private static let partBits = 6

    /// Each gathered sample's index in (hash, account) order, by its index in gathering
    /// order (run after run): the keys are split by the hash's top bits, and each part is
    /// sorted and numbered on all threads.
    private static func places(_ runs: [[UInt64]], total: Int, threads: Int) -> [Int] {
        // Each part's keys in an array of its exact size (with millions of samples the keys are large).
        var sizes = [Int](repeating: 0, count: 1 << partBits)
        for run in runs { for hash in run { sizes[Int(hash >> UInt64(64 - partBits))] += 1 } }
        var parts = sizes.map { size -> [Key] in
            var keys: [Key] = []
            keys.reserveCapacity(size)
            return keys
        }
        var gathered = 0
        for run in runs {
            for hash in run {
                parts[Int(hash >> UInt64(64 - partBits))].append(Key(hash: hash, location: UInt64(gathered)))
                gathered += 1
            }
        }
        var offsets = [0]
        for p in parts { offsets.append(offsets.last! + p.count) }
        let keys = parts, starts = offsets
        // SAFETY: every key's location is a distinct gathering index below `total`, and each key is
        // in exactly one part, so every slot is written exactly once; `parallelMap` has joined
        // every part before `count` is set.
        return [Int](unsafeUninitializedCapacity: total) { buffer, count in
            let out = UncheckedSendable(buffer.baseAddress)
            _ = parallelMap(keys.count, threads: threads) { p in
                var part = keys[p]
                part.sort { $0.hash != $1.hash ? $0.hash < $1.hash : $0.location < $1.location }
                for (k, key) in part.enumerated() { (out.value! + Int(key.location)).initialize(to: starts[p] + k) }
            }
            count = total
        }
    }
}
