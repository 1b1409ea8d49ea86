extension String {
    /// Calls `body` with the string's UTF-8 bytes, borrowed in place. `withUTF8` is
    /// mutating, so callers copied the string first (`var s = self`), and each copy was
    /// an atomic retain and release of its storage: ~7 million of each per gigabyte of
    /// logs on the per-request paths (hashing, the phrase matcher). A native string's
    /// bytes are read where they are (a small one's from a stack copy); any other is
    /// copied once.
    @inlinable @inline(__always)
    package func withUTF8Buffer<R>(_ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        // SAFETY: the buffer is valid for the closure only, and `body` keeps no pointer to it (every caller's contract).
        if let r = try utf8.withContiguousStorageIfAvailable(body) { return r }
        var copy = self
        return try copy.withUTF8(body)
    }

    /// `withUTF8Buffer` as a raw view (for hashing and byte scans).
    @inlinable @inline(__always)
    package func withUTF8Bytes<R>(_ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        try withUTF8Buffer { try body(UnsafeRawBufferPointer($0)) }
    }
}
