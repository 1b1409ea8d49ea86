/// Sorts 64-bit keys with a value each, stably, by the keys' bytes (a least-significant-
/// digit radix sort): a closure-compared sort of (key, value) pairs spent ~800
/// instructions a pair (the link stage's LSH bands sort 16 × the signed prompt samples).
package enum RadixSort {
    /// `keys` ascending, each `values[i]` moved with `keys[i]`; equal keys keep their order.
    package static func sortByKey(_ keys: inout [UInt64], _ values: inout [Int32]) {
        precondition(keys.count == values.count, "a value per key")
        let n = keys.count
        guard n > 1 else { return }
        // Every byte's counts in one pass; a byte that is the same in every key moves nothing.
        var counts = [Int](repeating: 0, count: 8 * 256)
        for k in keys {
            var k = k
            for d in 0..<8 {
                counts[d << 8 | Int(k & 0xFF)] += 1
                k >>= 8
            }
        }
        var scratchKeys = [UInt64](repeating: 0, count: n), scratchValues = [Int32](repeating: 0, count: n)
        var inScratch = false
        for d in 0..<8 where counts[d << 8 | Int(keys[0] >> UInt64(8 * d) & 0xFF)] != n {
            var next = [Int](repeating: 0, count: 256)
            var sum = 0
            for b in 0..<256 {
                next[b] = sum
                sum += counts[d << 8 | b]
            }
            let shift = UInt64(8 * d)
            if inScratch {
                scatter(from: scratchKeys, scratchValues, to: &keys, &values, shift: shift, next: &next)
            } else {
                scatter(from: keys, values, to: &scratchKeys, &scratchValues, shift: shift, next: &next)
            }
            inScratch.toggle()
        }
        if inScratch {
            swap(&keys, &scratchKeys)
            swap(&values, &scratchValues)
        }
    }

    /// One pass: each key (with its value) to the next free slot of its byte `shift / 8`.
    private static func scatter(
        from keys: [UInt64], _ values: [Int32], to outKeys: inout [UInt64], _ outValues: inout [Int32], shift: UInt64,
        next: inout [Int]
    ) {
        // SAFETY: `next[b]` starts at the count of smaller bytes and grows by one per key of
        // byte `b`, so the `keys.count` writes fill distinct slots of `0..<keys.count`, and both
        // outputs have `keys.count` elements (`sortByKey` made them so).
        outKeys.withUnsafeMutableBufferPointer { ok in
            outValues.withUnsafeMutableBufferPointer { ov in
                next.withUnsafeMutableBufferPointer { slot in
                    for i in keys.indices {
                        let k = keys[i]
                        let b = Int(k >> shift & 0xFF)
                        let at = slot[b]
                        ok[at] = k
                        ov[at] = values[i]
                        slot[b] = at + 1
                    }
                }
            }
        }
    }
}
