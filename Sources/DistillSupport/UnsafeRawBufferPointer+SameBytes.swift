#if canImport(Glibc)
import Glibc
#endif

extension UnsafeRawBufferPointer {
    /// Whether `other` holds exactly these bytes (one `memcmp` once the lengths agree): the
    /// profile confirms ids and remembered texts this way on every request.
    @inlinable
    package func hasSameBytes(as other: UnsafeRawBufferPointer) -> Bool {
        guard count == other.count else { return false }
        // SAFETY: `memcmp` reads `count` bytes of each buffer, which both hold; a count of 0 reads nothing (a nil base is then never passed).
        return count == 0 || memcmp(baseAddress!, other.baseAddress!, count) == 0
    }
}
