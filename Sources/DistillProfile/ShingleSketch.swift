import DistillDecode

/// The `k` smallest distinct shingle hashes of a whole text (token bigrams, as in
/// `ShingleSignature`), ascending. A consistent sample: a shingle kept in one prompt is
/// kept in every prompt that holds it and has fewer than `k` smaller shingles, so the
/// part that prompts share (an instruction skeleton) is sampled the same way in each of
/// them however large the per-request payload around it is. The link stage drops the
/// shingles that no other account has, and those common across ordinary accounts, and
/// compares what is left.
public enum ShingleSketch {
    /// Shingles kept per sampled prompt.
    public static let k = 32

    public static func of(_ text: String, k: Int = Self.k) -> [UInt32] {
        var kept: [UInt64] = []
        kept.reserveCapacity(k)
        var largest: UInt64 = 0
        var count = 0, first: UInt64 = 0, previous: UInt64 = 0
        func offer(_ h: UInt64) {
            if kept.count == k && h >= largest { return }
            if kept.contains(h) { return }
            if kept.count < k {
                kept.append(h)
                largest = max(largest, h)
            } else {
                let i = kept.firstIndex(of: largest)!
                kept[i] = h
                largest = kept.max()!
            }
        }
        Tokenizer.forEachToken(text) { t in
            if count > 0 { offer(StableHash.mix(previous &* 31 ^ t)) }
            if count == 0 { first = t }
            previous = t
            count += 1
        }
        if count == 1 { offer(StableHash.mix(first)) }
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
