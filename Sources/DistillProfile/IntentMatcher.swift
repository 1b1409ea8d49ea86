/// The compiled form of a rule pack: one phrase search over a prompt, then each
/// candidate rule's regular expressions and structural requirements.
///
/// The compiled tables sit behind one reference: the profile pass passes the matcher
/// along with every request, and a copy of a struct holding them all was a dozen
/// retains and releases per request.
package struct IntentMatcher: Sendable {
    /// The compiled pack: phrases, rule bits, regular expressions and requirements.
    // SAFETY: @unchecked Sendable: every stored property is a `let`, and the `Regex<AnyRegexOutput>` values (not `Sendable`) are only matched after `init`, never mutated.
    private final class Tables: @unchecked Sendable {
        let pack: RulePack
        let phrases: PhraseSearch
        /// Phrase index → rule index.
        let phraseRule: [Int]
        let ruleTags: [IntentTag]
        let regexes: [[Regex<AnyRegexOutput>]]
        /// Tag bit of each rule.
        let ruleBits: [UInt8]
        /// Rules that match without a phrase or regex (structural only), as a bit set.
        let unconditional: UInt64
        /// Rules with regular expressions, as a bit set (most packs have few or none).
        let withRegex: UInt64
        /// Each rule's structural requirements.
        let requirements: [RulePack.Rule.Requirements?]

        init(pack: RulePack) {
            // Matched rules are a 64-bit set; `RulePack.lint` keeps packs within it.
            precondition(pack.rules.count <= 64, "at most 64 rules in all")
            self.pack = pack
            var phrases: [[UInt8]] = []
            var owner: [Int] = []
            for (i, r) in pack.rules.enumerated() {
                for p in r.phrases ?? [] { phrases.append(Array(p.utf8)); owner.append(i) }
            }
            self.phrases = PhraseSearch(patterns: phrases)
            phraseRule = owner
            ruleTags = pack.rules.map { IntentTag(rawValue: $0.tag) ?? .reasoning }
            let regexes = pack.rules.map { r in (r.regex ?? []).compactMap { try? Regex($0).ignoresCase() } }
            self.regexes = regexes
            let tags = IntentTag.allCases
            ruleBits = ruleTags.map { UInt8(1) << UInt8(tags.firstIndex(of: $0)!) }
            requirements = pack.rules.map(\.requires)
            unconditional = pack.rules.enumerated().reduce(0) { ($1.element.phrases ?? []).isEmpty && ($1.element.regex ?? []).isEmpty ? $0 | 1 << UInt64($1.offset) : $0 }
            withRegex = regexes.enumerated().reduce(0) { $1.element.isEmpty ? $0 : $0 | 1 << UInt64($1.offset) }
        }
    }

    private let tables: Tables
    package var pack: RulePack { tables.pack }

    package init(pack: RulePack) {
        tables = Tables(pack: pack)
    }

    /// Tags of a request, as a bit set over `IntentTag.allCases`.
    package func tags(prompt: String, hasTools: Bool, maxTokens: Int?, userTurns: Int) -> UInt8 {
        // SAFETY: the prompt's UTF-8 is read only inside the closure.
        prompt.withUTF8Bytes { tags(promptUTF8: $0, hasTools: hasTools, maxTokens: maxTokens, userTurns: userTurns) }
    }

    /// Tags of a request whose prompt is the valid UTF-8 `prompt`.
    package func tags(promptUTF8 prompt: UnsafeRawBufferPointer, hasTools: Bool, maxTokens: Int?, userTurns: Int) -> UInt8 {
        tags(matchedRules: matchedRules(prompt), hasTools: hasTools, maxTokens: maxTokens, userTurns: userTurns)
    }

    /// Rules whose text part (a phrase, a regex, or none) matches the prompt (valid
    /// UTF-8), as a bit set over rule indexes; depends on the prompt alone.
    func matchedRules(_ prompt: UnsafeRawBufferPointer) -> UInt64 {
        let t = tables
        var hitRules: UInt64 = 0
        // `scan` keeps no pointer to the prompt.
        t.phraseRule.withUnsafeBufferPointer { rule in
            // SAFETY: phrase ids are indexes of the phrases `phraseRule` was built from.
            t.phrases.scan(prompt) { hitRules |= 1 << UInt64(rule[$0]) }
        }
        hitRules |= t.unconditional
        // Only rules with a regex and no phrase hit yet run it, on a `String` made once.
        var untried = t.withRegex & ~hitRules
        guard untried != 0 else { return hitRules }
        let text = String(decoding: prompt, as: UTF8.self)
        while untried != 0 {
            let i = untried.trailingZeroBitCount
            untried &= untried - 1
            if t.regexes[i].contains(where: { (try? $0.firstMatch(in: text)) != nil }) { hitRules |= 1 << UInt64(i) }
        }
        return hitRules
    }

    /// Tags from the rules matched by the text, after each rule's structural requirements.
    func tags(matchedRules: UInt64, hasTools: Bool, maxTokens: Int?, userTurns: Int) -> UInt8 {
        var tags: UInt8 = 0
        // The matched rules' bits only (a prompt matches a few of the pack's rules).
        var rules = matchedRules
        while rules != 0 {
            let i = rules.trailingZeroBitCount
            rules &= rules - 1
            if let req = tables.requirements[i] {
                if let t = req.hasTools, t != hasTools { continue }
                if let m = req.minMaxTokens, (maxTokens ?? 0) < m { continue }
                if let s = req.singleTurn, s != (userTurns <= 1) { continue }
            }
            tags |= tables.ruleBits[i]
        }
        return tags
    }

    /// Runs every rule's examples; returns the failures (empty when all pass).
    package func testExamples() -> [String] {
        var failures: [String] = []
        for (i, r) in pack.rules.enumerated() {
            let bit = UInt8(1) << UInt8(IntentTag.allCases.firstIndex(of: tables.ruleTags[i])!)
            let tools = r.requires?.hasTools ?? false
            let maxT = r.requires?.minMaxTokens
            for e in r.examples.match where tags(prompt: e, hasTools: tools, maxTokens: maxT, userTurns: 1) & bit == 0 {
                failures.append("\(r.id): should match \"\(e)\"")
            }
            for e in r.examples.noMatch where tags(prompt: e, hasTools: tools, maxTokens: maxT, userTurns: 1) & bit != 0 {
                failures.append("\(r.id): should not match \"\(e)\" (it, or another rule with tag \(r.tag), does)")
            }
        }
        return failures
    }
}
