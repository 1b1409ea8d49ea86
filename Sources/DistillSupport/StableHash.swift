/// A fast 64-bit hash that is the same on every run and machine (Swift's `Hasher` is
/// seeded per process, which would break byte-identical reports and mergeable sketches).
///
/// Public, with `package` members, so that `mix` is inlined in the other stages: this
/// toolchain serialises an `@inlinable` member for other modules only when its type is
/// public, and left it a call per token from a `package` enum.
public enum StableHash {
    // Inlinable: tokenizing, shingling and LSH in other modules call it per token.
    @inlinable @inline(__always)
    package static func mix(_ x0: UInt64) -> UInt64 {
        var z = x0 &+ 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// Hash of a byte sequence (FNV-1a over 8-byte words, then mixed).
    package static func bytes(_ b: UnsafeRawBufferPointer, seed: UInt64 = 0) -> UInt64 {
        var h: UInt64 = 0xCBF2_9CE4_8422_2325 ^ seed
        var i = 0
        let n = b.count
        while i + 8 <= n {
            // SAFETY: `i + 8 <= n` (loop condition), so the 8-byte load lies in `b`; the tail is read a byte at a time below `n`.
            h = (h ^ b.loadUnaligned(fromByteOffset: i, as: UInt64.self)) &* 0x0000_0100_0000_01B3
            h ^= h >> 29
            i += 8
        }
        while i < n { h = (h ^ UInt64(b[i])) &* 0x0000_0100_0000_01B3; i += 1 }
        return mix(h ^ UInt64(n))
    }

    package static func string(_ s: String, seed: UInt64 = 0) -> UInt64 {
        // SAFETY: the UTF-8 is read only during the closure.
        s.withUTF8Bytes { bytes($0, seed: seed) }
    }
}
