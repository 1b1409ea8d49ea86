@testable import DistillLink

extension PairAccumulator {
    /// `transform` of every pair `a < b` with its folded evidence, in ascending (a, b)
    /// order, nils dropped: `foldPairs` with the shards' outputs concatenated, as the tests
    /// read it.
    mutating func compactMapPairs<State, T: Sendable, Source: PairSource>(
        threads: Int, adding source: Source = NoPairs(), state: @Sendable () -> State,
        _ transform: @Sendable (inout State, _ a: Int, _ b: Int, PairEvidence) -> T?
    ) -> [T] {
        let parts = foldPairs(threads: threads, adding: source, state: state, output: { [T]() }) { local, out, a, b, e in
            if let t = transform(&local, a, b, e) { out.append(t) }
        }
        return parts.flatMap { $0 }
    }
}
