import DistillDecode
import DistillSupport

/// A Drain-style template miner over byte tokens: lines are split on white space, tokens
/// holding a digit (numbers, ids, hashes, addresses, paths with numbers) are masked as
/// slots, lines are routed by token count and their first `prefixTokens` tokens, and
/// within a route a line joins the most similar template if the share of positions that
/// agree reaches `similarity`; positions that disagree become `<*>`.
///
/// One default configuration serves very different text (docs/detection.md has the
/// Loghub-2k table). Works on bytes: about a million short lines per second.
package struct TemplateMiner {
    /// Parameters of the miner.
    package struct Configuration: Sendable, Equatable {
        /// Share of agreeing (non-slot) positions needed to join a template.
        package var similarity = 0.85
        /// Leading tokens used to route a line (a slot-like token routes as `<*>`).
        package var prefixTokens = 2
        /// Extra delimiters that split tokens besides white space.
        package var delimiters: [UInt8] = Array("=,;()[]{}\"'".utf8)
        /// Lines with more tokens than this are cut (bounds memory and time).
        package var maxTokens = 256
        /// A token with a digit is a slot unless digits are less than this share of its
        /// letters and digits (0: any digit makes a slot).
        package var digitRatio = 0.0
        /// A slot position in a template agrees with any token.
        package var slotsMatch = true
        /// Runs of adjacent slots count as one (variable-length values).
        package var collapseSlots = true
        /// Merge pass: templates with at least this many constant tokens are considered...
        package var mergeMinConstants = 2
        /// ...and the longer may have at most this share of extra constants, each next to a slot.
        package var maxExtraShare = 0.25
        package init() {}
    }

    /// One mined template.
    package struct Template: Sendable {
        package var id: Int
        /// Token ids; `0` is a slot.
        package var tokens: [UInt64]
        package var count: Int
    }

    package let configuration: Configuration
    package private(set) var templates: [Template] = []
    /// Route key → template ids.
    private var routes: [UInt64: [Int]] = [:]
    /// Token id → text, for rendering.
    private var words: [UInt64: String] = [:]
    private var isDelimiter = [Bool](repeating: false, count: 256)
    private var scratch: [UInt64] = []

    package init(configuration: Configuration = Configuration()) {
        self.configuration = configuration
        for b in [UInt8(0x20), 0x09, 0x0D, 0x0A] + configuration.delimiters { isDelimiter[Int(b)] = true }
    }

    /// Adds one line; returns the id of the template it joined or created.
    @discardableResult
    package mutating func add(_ line: UnsafeRawBufferPointer) -> Int {
        tokenize(line)
        let toks = scratch
        var key = StableHash.mix(UInt64(toks.count))
        for i in 0..<min(configuration.prefixTokens, toks.count) { key = StableHash.mix(key ^ toks[i]) }
        var best = -1
        var bestScore = -1.0
        if let candidates = routes[key] {
            for id in candidates {
                let t = templates[id].tokens
                var same = 0
                for i in 0..<t.count where t[i] == toks[i] || (t[i] == 0 && configuration.slotsMatch) { same += 1 }
                let score = Double(same) / Double(max(1, t.count))
                if score > bestScore { bestScore = score; best = id }
            }
        }
        if best >= 0 && bestScore >= configuration.similarity {
            templates[best].count += 1
            for i in 0..<toks.count where templates[best].tokens[i] != toks[i] { templates[best].tokens[i] = 0 }
            return best
        }
        let id = templates.count
        templates.append(Template(id: id, tokens: toks, count: 1))
        routes[key, default: []].append(id)
        return id
    }

    @discardableResult
    package mutating func add(_ s: String) -> Int {
        var s = s
        // SAFETY: the UTF-8 is tokenized only during the closure; words are kept as copied `String`s.
        return s.withUTF8 { add(UnsafeRawBufferPointer($0)) }
    }

    /// The template's text, slots as `<*>`.
    package func text(_ t: Template) -> String {
        t.tokens.map { $0 == 0 ? "<*>" : (words[$0] ?? "?") }.joined(separator: " ")
    }

    private mutating func tokenize(_ line: UnsafeRawBufferPointer) {
        scratch.removeAll(keepingCapacity: true)
        var i = 0
        let n = line.count
        // SAFETY: every `line[i]` read is behind `i < n == line.count`, and the word slice `start..<i` lies within `line`.
        while i < n && scratch.count < configuration.maxTokens {
            while i < n && isDelimiter[Int(line[i])] { i += 1 }
            guard i < n else { break }
            let start = i
            var h: UInt64 = 0xCBF2_9CE4_8422_2325
            var digits = 0, letters = 0
            while i < n && !isDelimiter[Int(line[i])] {
                let c = line[i]
                if c >= 0x30 && c <= 0x39 { digits += 1 } else if (c | 0x20) >= 0x61 && (c | 0x20) <= 0x7A { letters += 1 }
                h = (h ^ UInt64(c)) &* 0x0000_0100_0000_01B3
                i += 1
            }
            // A value, not a word: numbers, ids, addresses, hashes — any token with a digit,
            // unless it is mostly letters (`AirPort_Brcm43xx::powerChange` stays a word).
            let digit = digits > 0 && (configuration.digitRatio <= 0 || Double(digits) >= configuration.digitRatio * Double(digits + letters))
            if digit {
                if !(configuration.collapseSlots && scratch.last == 0) { scratch.append(0) }
                continue
            }
            let id = StableHash.mix(h) | 1  // never 0 (the slot)
            // SAFETY: `start <= i <= n`, so the word slice `start..<i` lies in `line`; it is copied into a `String`.
            if words[id] == nil { words[id] = String(decoding: UnsafeRawBufferPointer(rebasing: line[start..<i]), as: UTF8.self) }
            scratch.append(id)
        }
    }
}
