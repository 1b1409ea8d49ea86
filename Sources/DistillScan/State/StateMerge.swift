import DistillDecode
import DistillProfile

/// A state with the name messages give it (its path, or the paths merged into it).
package struct NamedState: Sendable {
    package var name: String
    package var state: StateFile
    package init(name: String, state: StateFile) { self.name = name; self.state = state }
}

/// Merging states: associative and commutative, so shards merge as a tree in any order.
/// Each merge gives the state of the union of its parts' inputs: profiles merge exactly
/// (`ProfileState`), the inputs are kept in resolver order, and an input in both parts
/// (the same SHA-256) is counted once: a part whose inputs are all in the other adds
/// nothing; parts that share only some inputs cannot be told apart and are refused.
package enum StateMerge {
    /// The merge of `states` (at least one); `notes` are the duplicates dropped, for stderr.
    package static func merge(_ states: [NamedState], threads: Int) throws(StateFileError) -> (state: NamedState, notes: [String]) {
        var notes: [String] = []
        var result = states[0]
        for next in states.dropFirst() { try merge(into: &result, next, threads: threads, notes: &notes) }
        return (result, notes)
    }

    /// The merge of two states; a dropped duplicate is described in `notes`.
    package static func merge(_ a: NamedState, _ b: NamedState, threads: Int, notes: inout [String]) throws(StateFileError) -> NamedState {
        var result = a
        try merge(into: &result, b, threads: threads, notes: &notes)
        return result
    }

    /// Merges `b` into `a` (in place: `a`'s profiles are not copied when it holds the only
    /// reference to them); a dropped duplicate is described in `notes`.
    package static func merge(into a: inout NamedState, _ b: NamedState, threads: Int, notes: inout [String]) throws(StateFileError) {
        if let d = a.state.parameters.difference(from: b.state.parameters) { throw .mismatch(path: a.name, other: b.name, what: d) }
        let accounts: StateAccounts?
        switch (a.state.accounts, b.state.accounts) {
        case let (x?, y?):
            guard x.sameFile(as: y) else { throw .mismatch(path: a.name, other: b.name, what: "accounts files (\(x.path) and \(y.path))") }
            accounts = x
        case let (x, y): accounts = x ?? y
        }
        let ia = Set(a.state.inputs.compactMap(\.identity)), ib = Set(b.state.inputs.compactMap(\.identity))
        let name = a.name + " + " + b.name
        if !ia.isEmpty && ia.isSubset(of: ib) {
            notes.append("\(a.name): every input is also in \(b.name) (the same SHA-256); counted once")
            a = NamedState(name: name, state: b.state)
            a.state.accounts = accounts
            return
        }
        if !ib.isEmpty && ib.isSubset(of: ia) {
            notes.append("\(b.name): every input is also in \(a.name) (the same SHA-256); counted once")
            a.name = name
            a.state.accounts = accounts
            return
        }
        if let shared = a.state.inputs.first(where: { $0.identity.map(ib.contains) ?? false }) {
            throw .overlap(path: a.name, other: b.name, input: shared.file.path + " (SHA-256 " + (shared.file.sha256 ?? "") + ")")
        }
        // Moved out of `a`, so that the merge updates the profiles in place.
        var mine = ProfileState(parameters: a.state.profiles.parameters, matcher: a.state.profiles.matcher)
        swap(&mine, &a.state.profiles)
        a.state.profiles = ProfileState.merging([mine, b.state.profiles], threads: threads)
        a.state.inputs = mergeInputs(a.state.inputs, b.state.inputs)
        a.state.accounts = accounts
        a.name = name
    }

    /// Both lists in resolver order; an entry that adds no lines (an empty file, an
    /// unreadable path) listed identically in both is kept once.
    static func mergeInputs(_ a: [StateInput], _ b: [StateInput]) -> [StateInput] {
        var out: [StateInput] = []
        out.reserveCapacity(a.count + b.count)
        var i = 0, j = 0
        while i < a.count || j < b.count {
            let takeA = j == b.count || (i < a.count && !StateInput.precedes(b[j], a[i]))
            let next = takeA ? a[i] : b[j]
            if takeA { i += 1 } else { j += 1 }
            if let last = out.last, last.identity == nil, next.identity == nil, last.rank == next.rank,
                last.file.path == next.file.path, last.file.sha256 == next.file.sha256, last.file.error == next.file.error
            {
                continue
            }
            out.append(next)
        }
        return out
    }
}
