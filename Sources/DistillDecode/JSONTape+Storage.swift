extension JSONTape {
    /// The nodes of the line parsed last, in memory reused from line to line: the parser
    /// writes a node with one capacity test instead of an array append (uniqueness,
    /// capacity and count checks on some fifty nodes per line).
    final class NodeStorage {
        // SAFETY: owned by this storage (allocated in `init`/`grow`/`shrink`, freed when replaced and in `deinit`): `capacity` nodes, the first `count` written by the last parse.
        private(set) var base: UnsafeMutablePointer<Node>
        private(set) var capacity: Int
        /// Nodes written by the last parse.
        var count = 0

        init(capacity: Int) {
            self.capacity = max(16, capacity)
            base = .allocate(capacity: self.capacity)
        }

        deinit { base.deallocate() }

        /// Room for at least one more node than `used`, keeping the first `used`.
        func grow(keeping used: Int) {
            // SAFETY: `bigger` holds `2 * capacity` nodes; the `used <= capacity` written ones are copied (trivial `Node`s) before the old block is freed.
            let bigger = UnsafeMutablePointer<Node>.allocate(capacity: capacity * 2)
            bigger.initialize(from: base, count: used)
            base.deallocate()
            base = bigger
            capacity *= 2
        }

        /// After a very long line, storage goes back to its usual size rather than
        /// holding the peak for the rest of the run.
        func shrink(to usual: Int) {
            guard capacity > 64 * usual else { return }
            // SAFETY: the old nodes are dropped (`count = 0`) at the start of a parse, the only caller; no `nodes` view of the previous parse is used after the next parse begins.
            base.deallocate()
            capacity = usual
            base = .allocate(capacity: usual)
            count = 0
        }
    }
}
