import CPrefetch

/// Cache hints for the profile pass. Requests come in time order with the accounts
/// interleaved, so a request finds its account's profile cold in cache, and each read of
/// it waited on memory: the storage's reference count, then its grown part's. The pass
/// asks for those lines first and does the request's own work (hashing its texts,
/// matching its prompt) while they arrive.
extension AccountProfile {
    /// Cache lines of a `Storage` object: its header, `grown`, the counts and the first request.
    static let storageLines = (16 + 8 + MemoryLayout<Counts>.stride + MemoryLayout<SketchSizes>.stride + MemoryLayout<FirstRequest?>.stride + 63) / 64
    /// Cache lines of a `GrownBox`: its header and the grown state.
    static let grownLines = (16 + MemoryLayout<Grown>.stride + 63) / 64

    /// A profile is the size of one reference (its storage and nothing else), so an array
    /// of profiles holds the storages' addresses (what `ProfileState` prefetches from).
    static let isOneReference = MemoryLayout<AccountProfile>.size == MemoryLayout<UInt>.size

    /// Asks for the lines of the storage at `address`.
    static func prefetchStorage(at address: UInt) { prefetch(storageLines, linesAt: address) }

    /// The grown part's address, 0 when there is none: a hint for `prefetchGrown(at:)`.
    /// Kept beside the profile, so that the grown part is asked for without reading the
    /// storage first (that read waited on the storage's cold line).
    var grownAddress: UInt {
        guard let g = storage.grown else { return 0 }
        // SAFETY: only the address is taken, while `g` is alive; it is never turned back into a reference (a prefetch hint only).
        return UInt(bitPattern: Unmanaged.passUnretained(g).toOpaque())
    }

    /// Asks for the lines of the grown part at `address` (`grownAddress`).
    static func prefetchGrown(at address: UInt) { prefetch(grownLines, linesAt: address) }

    /// Asks for `count` cache lines from `address` (0: nothing).
    @inline(__always)
    private static func prefetch(_ count: Int, linesAt address: UInt) {
        // SAFETY: the address is only a hint (it may be stale: nothing is read through it), and a prefetch never faults.
        guard let p = UnsafeRawPointer(bitPattern: address) else { return }
        for line in 0..<count { distill_prefetch(p + line &* 64) }
    }
}
