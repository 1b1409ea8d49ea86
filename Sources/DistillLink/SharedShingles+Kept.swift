extension SharedShingles {
    /// Each sample's kept shingles, ascending, side by side in one array: sample `i`'s are
    /// `values[starts[i]..<starts[i + 1]]`. One array, not one per sample: a dump has about
    /// a sample per distinct prompt, and appending into each sample's own array read its
    /// cold header at every shingle (then freed them all, one at a time, on one thread).
    struct Kept: Sendable {
        var values: [UInt32]
        /// `count + 1` offsets into `values`, ascending from 0.
        var starts: [Int]

        var count: Int { starts.count - 1 }

        subscript(_ sample: Int) -> ArraySlice<UInt32> { values[starts[sample]..<starts[sample + 1]] }

        /// Every sample's list as an array of its own (tests).
        var lists: [[UInt32]] { (0..<count).map { Array(self[$0]) } }
    }
}
