import DistillDecode
import DistillSupport

/// A consistent sample of a whole text's shingles (token bigrams, as in
/// `ShingleSignature`), ascending: the first and last `edge` shingles (where instructions
/// sit around a payload), and every shingle whose hash falls in the lowest 1/`rate` of the
/// hash space (the same shingles in every prompt that holds them, whatever the prompt's
/// length), at most `cap` in all (beyond it, the smallest hashes of the sampled middle).
/// The part that prompts share (an instruction skeleton) is sampled the same way in each of
/// them however large the per-request payload around it is. The link stage drops the
/// shingles that no other account has, and those common across ordinary accounts, and
/// compares what is left.
package enum ShingleSketch {
    /// Shingles always kept at each end of a prompt.
    package static let edge = 16
    /// One in `rate` of the other shingles is kept (by hash).
    package static let rate: UInt64 = 16
    /// Shingles kept per sampled prompt at most.
    package static let cap = 96

    package static func of(_ text: String) -> [UInt32] {
        var all: [UInt64] = []
        var count = 0, first: UInt64 = 0, previous: UInt64 = 0
        Tokenizer.forEachToken(text) { t in
            if count > 0 { all.append(StableHash.mix(previous &* 31 ^ t)) } else { first = t }
            previous = t
            count += 1
        }
        if count == 1 { all.append(StableHash.mix(first)) }
        let threshold = UInt64.max / rate
        var kept: [UInt64] = []
        var middle: [UInt64] = []
        for (i, h) in all.enumerated() {
            if i < edge || i >= all.count - edge { kept.append(h) } else if h <= threshold { middle.append(h) }
        }
        if kept.count + middle.count > cap {
            middle.sort()
            middle.removeLast(min(middle.count, kept.count + middle.count - cap))
        }
        kept += middle
        kept.sort()
        var out: [UInt32] = []
        out.reserveCapacity(kept.count)
        for h in kept {
            let v = UInt32(truncatingIfNeeded: h >> 32)
            if out.last != v { out.append(v) }
        }
        return out
    }
}
