import DistillProfile

/// Builds a readable template with `<*>` slots from a few texts of one family by
/// aligning them on their longest common token subsequence.
package enum TemplateAligner {
    package static let slot = "<*>"

    /// Tokens for display: words (with their punctuation) for spaced scripts, single
    /// characters for scripts written without spaces.
    package static func tokens(_ s: String) -> [String] {
        var out: [String] = []
        var word = ""
        for ch in s {
            let v = ch.unicodeScalars.first!.value
            if isWhitespace(ch) { if !word.isEmpty { out.append(word); word = "" }; continue }
            if Tokenizer.isSpaceless(v) { if !word.isEmpty { out.append(word); word = "" }; out.append(String(ch)); continue }
            word.append(ch)
        }
        if !word.isEmpty { out.append(word) }
        return out.map { $0.contains(where: isNumber) && $0.count < 24 ? slot : $0 }
    }

    // `Character.isWhitespace` and `isNumber`, answered for ASCII without the Unicode
    // property lookup (~2,000 instructions a character). ASCII white space is U+0009–U+000D
    // and the space ("\r\n" reads as ASCII 0x0A); the ASCII numbers are the ten digits.
    @inline(__always)
    static func isWhitespace(_ ch: Character) -> Bool {
        if let a = ch.asciiValue { return a == 0x20 || (a >= 0x09 && a <= 0x0D) }
        return ch.isWhitespace
    }

    @inline(__always)
    static func isNumber(_ ch: Character) -> Bool {
        if let a = ch.asciiValue { return a >= 0x30 && a <= 0x39 }
        return ch.isNumber
    }

    package static func template(_ texts: [String], maxTokens: Int = 120) -> String {
        guard var t = texts.first.map({ Array(tokens($0).prefix(maxTokens)) }) else { return "" }
        for s in texts.dropFirst() { t = merge(t, Array(tokens(s).prefix(maxTokens))) }
        return render(t)
    }

    static func merge(_ a: [String], _ b: [String]) -> [String] {
        let n = a.count, m = b.count
        if n == 0 || m == 0 { return [slot] }
        var dp = [[Int]](repeating: [Int](repeating: 0, count: m + 1), count: n + 1)
        for i in stride(from: n - 1, through: 0, by: -1) {
            for j in stride(from: m - 1, through: 0, by: -1) {
                dp[i][j] = a[i] == b[j] && a[i] != slot ? dp[i + 1][j + 1] + 1 : max(dp[i + 1][j], dp[i][j + 1])
            }
        }
        var out: [String] = []
        var i = 0, j = 0
        var gap = false
        func flushGap() { if gap { if out.last != slot { out.append(slot) }; gap = false } }
        while i < n && j < m {
            if a[i] == b[j] && a[i] != slot { flushGap(); out.append(a[i]); i += 1; j += 1 } else if dp[i + 1][j] >= dp[i][j + 1] { gap = true; i += 1 } else { gap = true; j += 1 }
        }
        if i < n || j < m { gap = true }
        flushGap()
        return out
    }

    static func render(_ t: [String]) -> String {
        var s = ""
        var prevSpaceless = false
        for tok in t {
            let spaceless = tok.unicodeScalars.count == 1 && Tokenizer.isSpaceless(tok.unicodeScalars.first!.value)
            if !s.isEmpty && !(spaceless && prevSpaceless) { s += " " }
            s += tok
            prevSpaceless = spaceless
        }
        return s
    }
}
