import Foundation

/// A versioned, documented pack of intent rules (JSON). Each rule tags a request with an
/// intent when any of its phrases occurs in what the user wrote (case-insensitive for
/// ASCII; any script), or one of its regular expressions matches, and its structural
/// requirements hold. Every rule carries examples it must and must not match.
package struct RulePack: Codable, Sendable, Equatable {
    package var name: String
    package var version: String
    package var rules: [Rule]

    /// One rule.
    package struct Rule: Codable, Sendable, Equatable {
        package var id: String
        /// One of `IntentTag`'s raw values.
        package var tag: String
        package var description: String
        package var phrases: [String]?
        /// Regular expressions (Swift `Regex` syntax), matched case-insensitively; slower than phrases.
        package var regex: [String]?
        package var requires: Requirements?
        package var examples: Examples

        package struct Requirements: Codable, Sendable, Equatable {
            /// The request offers tools to the model.
            package var hasTools: Bool?
            /// `max_tokens` at least this.
            package var minMaxTokens: Int?
            /// Exactly one user turn.
            package var singleTurn: Bool?
            enum CodingKeys: String, CodingKey { case hasTools = "has_tools", minMaxTokens = "min_max_tokens", singleTurn = "single_turn" }
        }

        /// Prompts the rule must tag (`match`) and must not tag (`no_match`).
        package struct Examples: Codable, Sendable, Equatable {
            package var match: [String]
            package var noMatch: [String]
            enum CodingKeys: String, CodingKey { case match, noMatch = "no_match" }
        }
    }

    /// Why a pack was refused.
    package struct Invalid: Error, CustomStringConvertible { package var description: String }

    package static func load(path: String) throws -> RulePack {
        guard let data = FileManager.default.contents(atPath: path) else { throw Invalid(description: "\(path): cannot read the rule pack") }
        do { return try JSONDecoder().decode(RulePack.self, from: data) } catch {
            throw Invalid(description: "\(path): not a valid rule pack (\(error)); see docs/rules.md for the format")
        }
    }

    package static var builtIn: RulePack {
        // The embedded default pack is valid by construction (a test lints it).
        try! JSONDecoder().decode(RulePack.self, from: Data(DefaultRulePack.json.utf8))
    }

    /// Combines packs: later packs add rules (a rule with an existing id replaces it).
    package func adding(_ o: RulePack) -> RulePack {
        var r = self
        for rule in o.rules {
            if let i = r.rules.firstIndex(where: { $0.id == rule.id }) { r.rules[i] = rule } else { r.rules.append(rule) }
        }
        r.name += "+" + o.name
        r.version += "+" + o.version
        return r
    }

    /// Problems a user must fix before the pack can be used (empty when valid).
    package func lint() -> [String] {
        var problems: [String] = []
        var seen = Set<String>()
        if version.isEmpty { problems.append("the pack needs a version") }
        for r in rules {
            if !seen.insert(r.id).inserted { problems.append("\(r.id): duplicate rule id") }
            if IntentTag(rawValue: r.tag) == nil { problems.append("\(r.id): unknown tag \"\(r.tag)\" (known: \(IntentTag.allCases.map(\.rawValue).joined(separator: ", ")))") }
            if (r.phrases ?? []).isEmpty && (r.regex ?? []).isEmpty && r.requires == nil { problems.append("\(r.id): needs phrases, regex or requires") }
            if (r.phrases ?? []).contains(where: { $0.trimmingCharacters(in: .whitespaces).utf8.count < 3 }) { problems.append("\(r.id): phrases must have at least 3 bytes of text") }
            for p in r.regex ?? [] where (try? Regex(p)) == nil { problems.append("\(r.id): regex \(p) does not compile") }
            if r.description.isEmpty { problems.append("\(r.id): needs a description") }
            if r.examples.match.isEmpty { problems.append("\(r.id): needs at least one example it must match") }
            if r.examples.noMatch.isEmpty { problems.append("\(r.id): needs at least one example it must not match") }
        }
        if rules.count > Self.maxRules { problems.append("\(rules.count) rules; a pack may hold at most \(Self.maxRules)") }
        let phraseBytes = rules.reduce(0) { $0 + ($1.phrases ?? []).reduce(0) { $0 + $1.utf8.count } }
        if phraseBytes > Self.maxPhraseBytes {
            problems.append("phrases total \(phraseBytes) bytes; a pack may hold at most \(Self.maxPhraseBytes) (split it, or move long phrases to regex)")
        }
        return problems
    }

    /// Phrase bytes a pack may hold: the phrase automaton numbers its states in 15 bits,
    /// and the built-in pack and one extra pack must fit together.
    package static let maxPhraseBytes = 16_000

    /// Rules a pack may hold: the matcher keeps matched rules in a 64-bit set, and the
    /// built-in pack and one extra pack must fit together.
    package static let maxRules = 48
}

/// What a request's prompt is trying to obtain.
package enum IntentTag: String, CaseIterable, Sendable, Codable, Comparable {
    /// Asks the model to write out its reasoning ("show every step of your reasoning").
    case reasoning
    /// Asks the model to grade or compare responses like a reward model.
    case grading
    /// Asks for a safe rewrite of an answer on a sensitive topic.
    case sensitiveRewrite = "sensitive_rewrite"
    /// Tool use and agentic traces.
    case agentic
    /// Long textbook-style output.
    case longForm = "long_form"
    /// Classification or extraction with short answers (a benign tell).
    case classification

    package static func < (a: Self, b: Self) -> Bool { a.rawValue < b.rawValue }
    /// Tags that indicate extraction (all but the benign tell).
    package var isExtraction: Bool { self != .classification }
}
