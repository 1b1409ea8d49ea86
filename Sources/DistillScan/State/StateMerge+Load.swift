import DistillInput
import DistillSupport

extension StateMerge {
    /// Reads the states at `paths` and merges them in turn, then `extra`: the next state
    /// is read and checked on a pool thread while the current one is merged, and only
    /// those two are in memory besides the merged one. A refused state stops everything.
    package static func load(_ paths: [String], threads: Int, extra: [NamedState] = []) throws(StateFileError) -> (state: NamedState, notes: [String]) {
        let acc = Accumulator(threads: threads)
        var pending = paths.first.map(read)
        for i in paths.indices {
            let current = NamedState(name: paths[i], state: try pending!.get())
            let following = i + 1 < paths.count ? paths[i + 1] : nil
            let (merged, next) = bothInParallel(
                threads: threads,
                {
                    Result { () throws(StateFileError) in try acc.add(current) }
                },
                {
                    following.map(read)
                })
            try merged.get()
            pending = next
        }
        for e in extra { try acc.add(e) }
        guard let state = acc.merged else { preconditionFailure("load needs at least one state") }
        return (state, acc.notes)
    }

    private static func read(_ path: String) -> Result<StateFile, StateFileError> {
        Result { () throws(StateFileError) in try StateFile.read(path) }
    }

    /// The merge so far (a reference, so that the merging side of `bothInParallel` can
    /// update it while the other side reads; only that side touches it).
    // SAFETY: @unchecked Sendable: only the merging side of `bothInParallel` (the calling thread) touches it, and `load` reads it after that has returned.
    private final class Accumulator: @unchecked Sendable {
        let threads: Int
        var merged: NamedState?
        var notes: [String] = []
        init(threads: Int) { self.threads = threads }

        func add(_ next: NamedState) throws(StateFileError) {
            if merged == nil { merged = next } else { try StateMerge.merge(into: &merged!, next, threads: threads, notes: &notes) }
        }
    }
}
