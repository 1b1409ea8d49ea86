extension Array {
    /// Empties the array and keeps its storage; an empty one is left alone (emptying goes
    /// through the generic range replacement, ~150 instructions, even when there is nothing to remove).
    @inlinable
    package mutating func emptyKeepingCapacity() {
        if !isEmpty { removeAll(keepingCapacity: true) }
    }
}
