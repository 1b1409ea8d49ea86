import DistillDecode
import DistillSupport

/// A MinHash signature of a text's token shingles, built with one-permutation hashing
/// and densification: every shingle is hashed once and lands in one of `bins` bins, so the
/// cost does not grow with the number of hash functions. Works for any script: words for
/// text with spaces, single characters for scripts without (CJK, Thai), digits masked.
package struct ShingleSignature: Sendable, Equatable {
    package static let bins = 32
    package var values: [UInt32]

    /// Estimated Jaccard similarity of the two shingle sets.
    package func similarity(_ o: ShingleSignature) -> Double {
        var same = 0
        for i in 0..<values.count where values[i] == o.values[i] { same += 1 }
        return Double(same) / Double(values.count)
    }

    package init(values: [UInt32]) { self.values = values }

    package init(text: String) {
        self.init { put in
            // Shingles: token bigrams (and the lone token of a one-token text).
            var count = 0, first: UInt64 = 0, previous: UInt64 = 0
            Tokenizer.forEachToken(text) { t in
                if count == 0 { first = t } else { put(StableHash.mix(previous &* 31 ^ t)) }
                previous = t
                count += 1
            }
            if count == 1 { put(StableHash.mix(first)) }
        }
    }

    /// The signature of a set of shingles already hashed (a filtered `ShingleSketch`).
    /// An array slice (one sample's stretch of the link stage's kept shingles), not `some
    /// Sequence`: the generic was not specialized across modules and called `next()`
    /// through the protocol for every shingle (~1.8 % of an analysis).
    package init(shingles: ArraySlice<UInt32>) {
        self.init { put in for s in shingles { put(StableHash.mix(UInt64(s) | 0x5348_0000_0000_0000)) } }
    }

    /// Bins filled by `feed`, which hands each shingle hash to the function it is given.
    init(_ feed: ((UInt64) -> Void) -> Void) {
        // Bins on the stack, shingles hashed as they arrive: no array per prompt but the result.
        // SAFETY: `bins` stack slots, all initialized first; indices are below `bins.count` (`put`'s mask, `% n`); the result is copied out by `map` before the allocation ends.
        values = withUnsafeTemporaryAllocation(of: UInt64.self, capacity: Self.bins) { bins in
            bins.initialize(repeating: .max)
            feed { Self.put($0, bins) }
            // Densification: an empty bin borrows from the next non-empty one (rotation).
            if bins.contains(.max), bins.contains(where: { $0 != .max }) {
                let n = bins.count
                for b in 0..<n where bins[b] == .max {
                    var j = (b + 1) % n
                    var step: UInt64 = 1
                    while bins[j] == .max { j = (j + 1) % n; step += 1 }
                    bins[b] = StableHash.mix(bins[j] &+ step)
                }
            }
            return bins.map { UInt32(truncatingIfNeeded: $0 >> 32) }
        }
    }

    /// Bin `h % bins` keeps the least `h / bins` (a power of two: shifts, not divisions).
    @inline(__always)
    static func put(_ h: UInt64, _ bins: UnsafeMutableBufferPointer<UInt64>) {
        // SAFETY: `bins.count == Self.bins`, a power of two, so `b < bins.count`.
        let b = Int(h & UInt64(Self.bins - 1))
        let v = h >> UInt64(Self.bins.trailingZeroBitCount)
        if v < bins[b] { bins[b] = v }
    }
}

/// Splits text into token hashes for any script; numbers become one slot token.
package enum Tokenizer {
    static let numberToken = StableHash.mix(0x4E55_4D42)

    package static func tokens(_ text: String) -> [UInt64] {
        var out: [UInt64] = []
        forEachToken(text) { out.append($0) }
        return out
    }

    /// Each token hash of `text` in order.
    @inline(__always)
    package static func forEachToken(_ text: String, _ body: (UInt64) -> Void) {
        text.withUTF8Buffer { bytes in
            var reader = Reader(bytes)
            while let t = reader.next() { body(t) }
        }
    }

    /// The token hashes of UTF-8 bytes, one per `next()`: a loop over them keeps its state
    /// in locals (a closure fed per token kept it in boxes, checked for exclusive access
    /// at every token). Reads the bytes: ASCII (most prompts) needs no scalar decoding;
    /// other scalars are decoded by hand (bytes that end inside a scalar end the text).
    package struct Reader {
        // SAFETY: the bytes outlive the reader (its callers keep them alive while they read it); every read is below `count`: a byte at `i < count`, and a scalar's continuation bytes only once they are checked to lie below `count`.
        private let bytes: UnsafeBufferPointer<UInt8>
        private var i = 0
        private var word: UInt64 = Reader.basis
        private var inWord = false, isNumber = true
        /// A spaceless character's token, due right after the word it ended.
        private var pending: UInt64? = nil
        private static let basis: UInt64 = 0xCBF2_9CE4_8422_2325

        package init(_ bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

        /// The word read so far as a token, and a fresh word.
        @inline(__always)
        private mutating func take() -> UInt64 {
            let t = isNumber ? Tokenizer.numberToken : StableHash.mix(word)
            word = Self.basis; inWord = false; isNumber = true
            return t
        }

        @inline(__always)
        package mutating func next() -> UInt64? {
            if let p = pending {
                pending = nil
                return p
            }
            let n = bytes.count
            while i < n {
                let b0 = UInt32(bytes[i])
                if b0 < 0x80 {
                    i += 1
                    let isDigit = b0 >= 0x30 && b0 <= 0x39
                    if isDigit || (b0 >= 0x61 && b0 <= 0x7A) || (b0 >= 0x41 && b0 <= 0x5A) || b0 == 0x5F || b0 == 0x27 {
                        let lower = (b0 >= 0x41 && b0 <= 0x5A) ? b0 + 32 : b0
                        word = (word ^ UInt64(lower)) &* 0x0000_0100_0000_01B3
                        if !isDigit { isNumber = false }
                        inWord = true
                    } else if inWord {
                        return take()
                    }
                    continue
                }
                // Valid UTF-8 holds every scalar's continuation bytes; bytes that end inside a
                // scalar (not valid UTF-8: the profile pass reads a request's bytes) end the
                // text there, with no read past them.
                // Only within the last three bytes can a scalar run past them: one compare elsewhere.
                if i + 4 > n {
                    guard i + (b0 < 0xE0 ? 2 : b0 < 0xF0 ? 3 : 4) <= n else { break }
                }
                let v: UInt32
                if b0 < 0xE0 {
                    v = (b0 & 0x1F) << 6 | UInt32(bytes[i + 1] & 0x3F)
                    i += 2
                } else if b0 < 0xF0 {
                    v = (b0 & 0x0F) << 12 | UInt32(bytes[i + 1] & 0x3F) << 6 | UInt32(bytes[i + 2] & 0x3F)
                    i += 3
                } else {
                    v = (b0 & 0x07) << 18 | UInt32(bytes[i + 1] & 0x3F) << 12 | UInt32(bytes[i + 2] & 0x3F) << 6 | UInt32(bytes[i + 3] & 0x3F)
                    i += 4
                }
                if isSpaceless(v) {
                    let own = StableHash.mix(UInt64(v) | 0x1_0000_0000)
                    guard inWord else { return own }
                    pending = own
                    return take()
                } else if Tokenizer.isAlphabetic(v) {
                    // Not ASCII, so neither a digit nor upper-case ASCII: kept as is, never a number.
                    word = (word ^ UInt64(v)) &* 0x0000_0100_0000_01B3
                    isNumber = false
                    inWord = true
                } else if inWord {
                    return take()
                }
            }
            return inWord ? take() : nil
        }
    }

    /// Scripts written without spaces between words: each character is a token.
    @inline(__always)
    package static func isSpaceless(_ v: UInt32) -> Bool {
        (0x3040...0x30FF).contains(v) || (0x3400...0x4DBF).contains(v) || (0x4E00...0x9FFF).contains(v)
            || (0xF900...0xFAFF).contains(v) || (0x0E00...0x0E7F).contains(v) || (0x0E80...0x0EFF).contains(v)
            || (0x1000...0x109F).contains(v) || (0x1780...0x17FF).contains(v) || (0x20000...0x2FA1F).contains(v)
    }
}
