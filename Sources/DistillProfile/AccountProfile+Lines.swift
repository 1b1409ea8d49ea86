import CPrefetch

extension AccountProfile {
    /// Where a profile's parts lie in memory, to ask for them before they are used: the
    /// profile pass meets the accounts in time order, so each request finds its profile
    /// cold in cache, and the waits for it were a fifth of the pass.
    ///
    /// The addresses are hints only, never dereferenced: a prefetch neither faults nor
    /// changes anything, so a stale address (a part since reallocated) costs a useless
    /// load, never a wrong result.
    struct Lines {
        var storage: UnsafeRawPointer?
        var grown: UnsafeRawPointer?
        /// The model list's and the prompt-hash sketch's elements (the arrays most requests touch).
        var models: UnsafeRawPointer?
        var promptHashes: UnsafeRawPointer?

        /// Asks the CPU to bring the profile's memory into cache, without waiting for it.
        @inline(__always)
        func prefetch() {
            if let storage { Self.prefetch(storage, bytes: Storage.prefetchBytes) }
            if let grown { Self.prefetch(grown, bytes: GrownBox.prefetchBytes) }
            if let models { distill_prefetch(models) }
            if let promptHashes { Self.prefetch(promptHashes, bytes: 256) }
        }

        @inline(__always)
        private static func prefetch(_ base: UnsafeRawPointer, bytes: Int) {
            for offset in stride(from: 0, to: bytes, by: 64) { distill_prefetch(base + offset) }
        }
    }
}

extension AccountProfile.Storage {
    /// This storage's parts' addresses (not retained: only for prefetching).
    var lines: AccountProfile.Lines {
        guard let g = grown else {
            return AccountProfile.Lines(storage: UnsafeRawPointer(Unmanaged.passUnretained(self).toOpaque()))
        }
        return AccountProfile.Lines(
            storage: UnsafeRawPointer(Unmanaged.passUnretained(self).toOpaque()),
            grown: UnsafeRawPointer(Unmanaged.passUnretained(g).toOpaque()),
            models: g.state.modelList.elementsAddress,
            promptHashes: g.state.promptHashes.slotsAddress)
    }

    /// The object header and stored properties (an estimate: prefetching past the end is harmless).
    static let prefetchBytes = 16 + MemoryLayout<AccountProfile.Counts>.size + MemoryLayout<AccountProfile.SketchSizes>.size
        + MemoryLayout<AccountProfile.FirstRequest?>.size + 8
}

extension AccountProfile.GrownBox {
    static let prefetchBytes = 16 + MemoryLayout<AccountProfile.Grown>.size
}

extension Array {
    /// The first element's address, for a prefetch hint only (never dereferenced).
    var elementsAddress: UnsafeRawPointer? {
        withUnsafeBufferPointer { $0.baseAddress.map { UnsafeRawPointer($0) } }
    }
}
