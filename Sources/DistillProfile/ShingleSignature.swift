/// A MinHash signature of a text's token shingles, built with one-permutation hashing
/// and densification: every shingle is hashed once and lands in one of `bins` bins, so the
/// cost does not grow with the number of hash functions. Works for any script: words for
/// text with spaces, single characters for scripts without (CJK, Thai), digits masked.
public struct ShingleSignature: Sendable, Equatable {
    public static let bins = 32
    public var values: [UInt32]

    /// Estimated Jaccard similarity of the two shingle sets.
    public func similarity(_ o: ShingleSignature) -> Double {
        var same = 0
        for i in 0..<values.count where values[i] == o.values[i] { same += 1 }
        return Double(same) / Double(values.count)
    }

    public init(values: [UInt32]) { self.values = values }

    public init(text: String) {
        let tokens = Tokenizer.tokens(text)
        var bins = [UInt64](repeating: .max, count: Self.bins)
        // Shingles: token bigrams (and the lone token of a one-token text).
        if tokens.count == 1 { Self.put(StableHash.mix(tokens[0]), &bins) }
        var i = 0
        while i + 1 < tokens.count {
            Self.put(StableHash.mix(tokens[i] &* 31 ^ tokens[i + 1]), &bins)
            i += 1
        }
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
        values = bins.map { UInt32(truncatingIfNeeded: $0 >> 32) }
    }

    @inline(__always)
    static func put(_ h: UInt64, _ bins: inout [UInt64]) {
        let b = Int(h % UInt64(bins.count))
        let v = h / UInt64(bins.count)
        if v < bins[b] { bins[b] = v }
    }
}

/// Splits text into token hashes for any script; numbers become one slot token.
public enum Tokenizer {
    static let numberToken = StableHash.mix(0x4E55_4D42)

    public static func tokens(_ text: String) -> [UInt64] {
        var out: [UInt64] = []
        var word: UInt64 = 0xCBF2_9CE4_8422_2325
        var inWord = false, isNumber = true
        func flush() {
            if inWord { out.append(isNumber ? numberToken : StableHash.mix(word)) }
            word = 0xCBF2_9CE4_8422_2325; inWord = false; isNumber = true
        }
        for u in text.unicodeScalars {
            let v = u.value
            if v < 0x80 {
                let isDigit = v >= 0x30 && v <= 0x39
                if isDigit || (v >= 0x61 && v <= 0x7A) || (v >= 0x41 && v <= 0x5A) || v == 0x5F || v == 0x27 {
                    let lower = (v >= 0x41 && v <= 0x5A) ? v + 32 : v
                    word = (word ^ UInt64(lower)) &* 0x0000_0100_0000_01B3
                    if !isDigit { isNumber = false }
                    inWord = true
                } else {
                    flush()
                }
            } else if isSpaceless(v) {
                flush()
                out.append(StableHash.mix(UInt64(v) | 0x1_0000_0000))
            } else if u.properties.isAlphabetic || (v >= 0x30 && v <= 0x39) || u == "_" || u == "'" {
                let lower = (v >= 0x41 && v <= 0x5A) ? v + 32 : v
                word = (word ^ UInt64(lower)) &* 0x0000_0100_0000_01B3
                if !(v >= 0x30 && v <= 0x39) { isNumber = false }
                inWord = true
            } else {
                flush()
            }
        }
        flush()
        return out
    }

    /// Scripts written without spaces between words: each character is a token.
    @inline(__always)
    static func isSpaceless(_ v: UInt32) -> Bool {
        (0x3040...0x30FF).contains(v) || (0x3400...0x4DBF).contains(v) || (0x4E00...0x9FFF).contains(v)
            || (0xF900...0xFAFF).contains(v) || (0x0E00...0x0E7F).contains(v) || (0x0E80...0x0EFF).contains(v)
            || (0x1000...0x109F).contains(v) || (0x1780...0x17FF).contains(v) || (0x20000...0x2FA1F).contains(v)
    }
}
