import CPrefetch

extension AccountProfile {
    /// Asks the CPU for a profile's memory before it is used: the profile pass meets the
    /// accounts in time order, so each request finds its profile cold in cache, and the
    /// waits for it were a tenth of the pass (`ProfileState.consume`).
    ///
    /// The addresses are hints only, never dereferenced by this code: a prefetch neither
    /// faults nor changes anything, so a stale address costs a useless load, never a wrong
    /// result. Nothing is stored per account for it (millions of one-request accounts).
    enum Lines {
        /// Prefetches the storage of `profiles[slot]`, read from the array's bits so that
        /// no reference count (the object's first, cold line) is touched.
        @inline(__always)
        static func prefetchStorage(of profiles: [AccountProfile], at slot: Int) {
            profiles.withUnsafeBufferPointer { buffer in
                guard let base = buffer.baseAddress, slot >= 0, slot < buffer.count else { return }
                // SAFETY: `slot` is within the buffer; the element (a single class reference) is read as its address, only for the hint.
                let storage = UnsafeRawPointer(base + slot).load(as: UnsafeRawPointer.self)
                prefetch(storage, bytes: Storage.prefetchBytes)
            }
        }

        @inline(__always)
        static func prefetch(_ base: UnsafeRawPointer, bytes: Int) {
            for offset in stride(from: 0, to: bytes, by: 64) { distill_prefetch(base + offset) }
        }
    }
}

extension AccountProfile.Storage {
    /// Prefetches the grown part (this storage is in cache by now).
    @inline(__always)
    func prefetchGrown() {
        if let g = grownAddress { AccountProfile.Lines.prefetch(g, bytes: AccountProfile.GrownBox.prefetchBytes) }
    }

    static func address(of grown: AccountProfile.GrownBox?) -> UnsafeRawPointer? {
        grown.map { UnsafeRawPointer(Unmanaged.passUnretained($0).toOpaque()) }
    }

    /// The object header and stored properties (an estimate: prefetching past the end is harmless).
    static let prefetchBytes = 16 + MemoryLayout<AccountProfile.Counts>.size + MemoryLayout<AccountProfile.SketchSizes>.size
        + MemoryLayout<AccountProfile.FirstRequest?>.size + 16
}

extension AccountProfile.GrownBox {
    static let prefetchBytes = 16 + MemoryLayout<AccountProfile.Grown>.size
}
