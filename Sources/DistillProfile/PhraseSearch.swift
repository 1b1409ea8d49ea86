/// The intent rules' phrase search: the shift-or filter for packs of up to
/// `ShiftOrPhraseFilter.maxPatterns` phrases (the default pack and most custom ones),
/// the Aho–Corasick automaton beyond, where the filter's buckets would pass most bytes.
/// Both report every occurrence of every phrase, ASCII case folded.
package struct PhraseSearch: Sendable {
    /// Exactly one of the two is set. Two optionals, not an enum with payloads: reading an
    /// enum's payload copied it (a retain and release per table, per prompt).
    package let filter: ShiftOrPhraseFilter?
    package let automaton: AhoCorasick?

    package init(patterns: [[UInt8]]) {
        filter = ShiftOrPhraseFilter(patterns: patterns)
        automaton = filter == nil ? AhoCorasick(patterns: patterns) : nil
    }

    /// Calls `hit` with the id of every phrase occurrence (in no particular order).
    @inline(__always)
    package func scan(_ text: UnsafeRawBufferPointer, _ hit: (Int) -> Void) {
        if filter != nil { filter.unsafelyUnwrapped.scan(text, hit) } else { automaton.unsafelyUnwrapped.scan(text, hit) }
    }
}
