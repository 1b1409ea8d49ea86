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
                let general = accounts[i].profile.promptSamples, part = accounts[i].profile.partSamples
                general.forEachItem { hash, count, prompt in
                    found.append(Sample(account: i, hash: hash, count: count, prompt: prompt, part: part.holds(hash)))
                }
                // The extraction part's own sample, less the prompts already sampled.
                part.forEachItem { hash, count, prompt in
                    if !general.holds(hash) { found.append(Sample(account: i, hash: hash, count: count, prompt: prompt, general: false, part: true)) }
                }
            }
            return found
        }
        return ordered(runs, threads: threads)
    }

    /// Where a gathered sample is, keyed by its place in the order.
    private struct Key {
        var hash: UInt64
        var account: Int
        var run: Int32
        var index: Int32
    }

    /// Top bits of a sample's hash that pick its part: hashes are uniform, so the parts are
    /// of about equal size, and the parts in order, each sorted, are the whole order.
    private static let partBits = 6

    /// The samples of all runs in (hash, account) order, each copied once, straight to its
    /// place: the keys are split by the hash's top bits and each part sorted and copied out
    /// on all threads (the samples are large to move, and sorting them serially was a
    /// serial step of the link stage).
    private static func ordered(_ runs: [[Sample]], threads: Int) -> [Sample] {
        var parts = [[Key]](repeating: [], count: 1 << partBits)
        for r in runs.indices {
            for j in runs[r].indices {
                let hash = runs[r][j].hash
                let key = Key(hash: hash, account: runs[r][j].account, run: Int32(truncatingIfNeeded: r), index: Int32(truncatingIfNeeded: j))
                parts[Int(hash >> UInt64(64 - partBits))].append(key)
            }
        }
        var offsets = [0]
        for p in parts { offsets.append(offsets.last! + p.count) }
        let total = offsets.last!, keys = parts, starts = offsets
        // SAFETY: part `p` initializes exactly the slots `starts[p]..<starts[p + 1]` (its keys, one
        // slot each), the parts' ranges tile `0..<total`, and `parallelMap` has joined every part
        // before `count` is set.
        return [Sample](unsafeUninitializedCapacity: total) { buffer, count in
            let out = Destination(base: buffer.baseAddress!)
            _ = parallelMap(keys.count, threads: threads) { p in
                var part = keys[p]
                part.sort { $0.hash != $1.hash ? $0.hash < $1.hash : $0.account < $1.account }
                for (k, key) in part.enumerated() {
                    (out.base + starts[p] + k).initialize(to: runs[Int(key.run)][Int(key.index)])
                }
            }
            count = total
        }
    }

    /// The ordered samples' buffer, written by the parts (each its own range).
    // SAFETY: @unchecked Sendable: used only inside `ordered`'s buffer initializer, whose parts write disjoint ranges and are joined before it returns.
    private struct Destination: @unchecked Sendable {
        let base: UnsafeMutablePointer<Sample>
    }
}
