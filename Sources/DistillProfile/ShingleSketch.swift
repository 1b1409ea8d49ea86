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
        text.withUTF8Buffer { of(bytes: $0) }
    }

    /// Shingles streamed through fixed buffers: the first `edge` are kept as they come, the
    /// last `edge` wait in a ring, and a shingle pushed out of the ring is in the middle
    /// (sampled by hash). The middle buffer is cut to its `cap` smallest whenever it fills:
    /// no more than `cap` of the middle can be kept.
    static func of(bytes: UnsafeBufferPointer<UInt8>) -> [UInt32] {
        var reader = Tokenizer.Reader(bytes)
        guard let first = reader.next() else { return [] }
        let threshold = UInt64.max / rate
        let middleCapacity = 4 * cap
        // SAFETY: `2 * edge + middleCapacity` slots; `head` and `ring` hold at most `edge` each
        // and `middle` at most `middleCapacity` (cut back to `cap` when full); only slots
        // written are read, and the result is copied out before the allocation ends.
        return withUnsafeTemporaryAllocation(of: UInt64.self, capacity: 2 * edge + middleCapacity) { buffer in
            let base = buffer.baseAddress!
            let head = base, ring = base + edge, middle = base + 2 * edge
            var headCount = 0, ringCount = 0, ringStart = 0, middleCount = 0
            func add(_ h: UInt64) {
                if headCount < edge {
                    head[headCount] = h
                    headCount += 1
                } else if ringCount < edge {
                    ring[(ringStart + ringCount) % edge] = h
                    ringCount += 1
                } else {
                    let out = ring[ringStart]
                    ring[ringStart] = h
                    ringStart = (ringStart + 1) % edge
                    guard out <= threshold else { return }
                    if middleCount == middleCapacity {
                        var m = UnsafeMutableBufferPointer(start: middle, count: middleCount)
                        m.sort()
                        middleCount = cap
                    }
                    middle[middleCount] = out
                    middleCount += 1
                }
            }
            var previous = first, count = 1
            while let t = reader.next() {
                add(StableHash.mix(previous &* 31 ^ t))
                previous = t
                count += 1
            }
            if count == 1 { add(StableHash.mix(first)) }
            let kept = headCount + ringCount
            if kept + middleCount > cap {
                var m = UnsafeMutableBufferPointer(start: middle, count: middleCount)
                m.sort()
                middleCount = cap - kept
            }
            // Already side by side: the ring fills only once the head is full (from its first
            // slot until it is full), and the middle only once the ring is full.
            var all = UnsafeMutableBufferPointer(start: head, count: kept + middleCount)
            all.sort()
            var out: [UInt32] = []
            out.reserveCapacity(all.count)
            for h in all {
                let v = UInt32(truncatingIfNeeded: h >> 32)
                if out.last != v { out.append(v) }
            }
            return out
        }
    }
}
