/// Refuses rule-pack regular expressions whose matching time can explode. Swift `Regex`
/// backtracks: a repeated group that itself contains a repetition (`(a+)+$`, `(\w*)*`,
/// `(?:x+y?){2,}`) tries exponentially many ways to split a prompt that almost matches:
/// `(a+)+$` took over 300 s on a 23-byte prompt. Such patterns are rejected where packs
/// are linted and loaded (`rules lint|test`, `analyze --rules`), naming the rule.
///
/// The check reads the pattern's structure (escapes, character classes, groups,
/// quantifiers); it does not run it. Repetition means `*`, `+`, `{n,}` or `{n,m}` with
/// m ≥ 2; `?` and `{0,1}` are bounded and allowed anywhere.
package enum RegexSafety {
    /// Problems of every regex in `pack`, one line each, naming the rule.
    package static func problems(_ pack: RulePack) -> [String] {
        pack.rules.flatMap { r in
            (r.regex ?? []).filter(hasNestedRepetition).map {
                "\(r.id): regex \($0) repeats a group that itself repeats (nested quantifiers, as in (a+)+): matching can take exponential time on a hostile prompt; rewrite it without the outer repetition (e.g. a+ instead of (a+)+) or use phrases"
            }
        }
    }

    /// Whether a repeating quantifier applies to a group that contains a repeating quantifier.
    package static func hasNestedRepetition(_ pattern: String) -> Bool {
        let s = Array(pattern.unicodeScalars)
        let n = s.count
        // Per open group: whether a repetition occurs inside it so far.
        var repeatsInside: [Bool] = [false]
        // Set right after a group closes: whether that group repeats inside.
        var closedGroupRepeats: Bool? = nil
        var i = 0
        while i < n {
            let c = s[i]
            switch c {
            case "\\":
                if i + 1 < n && s[i + 1] == "Q" {
                    // \Q...\E quotes literally.
                    i += 2
                    while i + 1 < n && !(s[i] == "\\" && s[i + 1] == "E") { i += 1 }
                }
                i += 2
                closedGroupRepeats = nil
            case "[":
                i = endOfClass(s, from: i)
                closedGroupRepeats = nil
            case "(":
                repeatsInside.append(false)
                i += 1
                if i < n && s[i] == "?" { i += 1 }  // (?:  (?<name>  (?=  (?i)  — not a quantifier
                closedGroupRepeats = nil
            case ")":
                let inner = repeatsInside.count > 1 ? repeatsInside.removeLast() : false
                repeatsInside[repeatsInside.count - 1] = repeatsInside[repeatsInside.count - 1] || inner
                closedGroupRepeats = inner
                i += 1
            case "*", "+", "?", "{":
                guard let (length, repeating) = quantifier(s, at: i) else {
                    i += 1  // a literal `{`
                    closedGroupRepeats = nil
                    continue
                }
                if repeating {
                    if closedGroupRepeats == true { return true }
                    repeatsInside[repeatsInside.count - 1] = true
                }
                i += length
                if i < n && (s[i] == "?" || s[i] == "+") { i += 1 }  // lazy or possessive
                closedGroupRepeats = nil
            default:
                i += 1
                closedGroupRepeats = nil
            }
        }
        return false
    }

    /// The index after the character class opening at `start` (nested classes and escapes included).
    static func endOfClass(_ s: [Unicode.Scalar], from start: Int) -> Int {
        var i = start + 1
        if i < s.count && s[i] == "^" { i += 1 }
        if i < s.count && s[i] == "]" { i += 1 }  // a leading ] is literal
        var depth = 1
        while i < s.count && depth > 0 {
            switch s[i] {
            case "\\": i += 2; continue
            case "[": depth += 1
            case "]": depth -= 1
            default: break
            }
            i += 1
        }
        return i
    }

    /// A quantifier at `i`: its length and whether it repeats (more than once); nil for
    /// a `{` that is not a quantifier.
    static func quantifier(_ s: [Unicode.Scalar], at i: Int) -> (Int, Bool)? {
        switch s[i] {
        case "*", "+": return (1, true)
        case "?": return (1, false)
        default: break
        }
        // {n}  {n,}  {n,m}  {,m}
        var j = i + 1
        var low = "", high = "", comma = false
        while j < s.count, s[j] != "}" {
            if s[j] == "," {
                guard !comma else { return nil }; comma = true
            } else if ("0"..."9").contains(s[j]) {
                if comma { high.unicodeScalars.append(s[j]) } else { low.unicodeScalars.append(s[j]) }
            } else if s[j] != " " {
                return nil
            }
            j += 1
        }
        guard j < s.count, !(low.isEmpty && high.isEmpty) else { return nil }
        let length = j - i + 1
        if !comma { return (length, (Int(low) ?? Int.max) >= 2) }
        if high.isEmpty { return (length, true) }
        return (length, (Int(high) ?? Int.max) >= 2)
    }
}
