/// The intent rules' phrase search: the shift-or filter for packs of up to
/// `ShiftOrPhraseFilter.maxPatterns` phrases (the default pack and most custom ones),
/// the Aho–Corasick automaton beyond, where the filter's buckets would pass most bytes.
/// Both report every occurrence of every phrase, ASCII case folded.
package enum PhraseSearch: Sendable {
    case filter(ShiftOrPhraseFilter)
    case automaton(AhoCorasick)

    package init(patterns: [[UInt8]]) {
        if let filter = ShiftOrPhraseFilter(patterns: patterns) { self = .filter(filter) } else { self = .automaton(AhoCorasick(patterns: patterns)) }
    }

    /// Calls `hit` with the id of every phrase occurrence (in no particular order).
    @inline(__always)
    package func scan(_ text: UnsafeRawBufferPointer, _ hit: (Int) -> Void) {
        switch self {
        case .filter(let filter): filter.scan(text, hit)
        case .automaton(let automaton): automaton.scan(text, hit)
        }
    }
}
