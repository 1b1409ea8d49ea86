import DistillInput
import Foundation

/// SHA-256 in hex of bytes in memory (the input layer's OpenSSL-backed hasher).
enum SHA256Hex {
    static func of(_ data: Data) -> String {
        let h = SHA256()
        // SAFETY: the bytes are hashed only during the closure.
        data.withUnsafeBytes { h.update($0) }
        return h.finish()
    }
    static func of(_ bytes: UnsafeRawBufferPointer) -> String {
        let h = SHA256()
        h.update(bytes)
        return h.finish()
    }
}
