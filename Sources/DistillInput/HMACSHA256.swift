import CCrypto

/// HMAC-SHA256 (RFC 2104) with OpenSSL, for `--redact`: without the key, the hash of a
/// guessed value (a domain, a card fingerprint) cannot be computed, so a redacted report
/// confirms nothing. A value type: the key is bytes, each call is one-shot.
package struct HMACSHA256: Sendable {
    package let key: [UInt8]

    package init(key: [UInt8]) { self.key = key }

    /// Lower-case hex of HMAC-SHA256(key, message).
    package func hex(_ message: String) -> String {
        var out = [UInt8](repeating: 0, count: Int(EVP_MAX_MD_SIZE))
        var length: UInt32 = 0
        let bytes = Array(message.utf8)
        // SAFETY: key and message are read only during the call (`k.count`, `m.count` bytes); `out` has `EVP_MAX_MD_SIZE` bytes, room for the 32-byte digest, and `length` says how many were written.
        let done = key.withUnsafeBytes { k in
            bytes.withUnsafeBytes { m in
                HMAC(EVP_sha256(), k.baseAddress, Int32(k.count), m.baseAddress?.assumingMemoryBound(to: UInt8.self), m.count, &out, &length)
            }
        }
        precondition(done != nil, "OpenSSL HMAC-SHA256 failed")
        let digits = Array("0123456789abcdef".utf8)
        var s = [UInt8]()
        for b in out.prefix(Int(length)) { s.append(digits[Int(b >> 4)]); s.append(digits[Int(b & 15)]) }
        return String(decoding: s, as: UTF8.self)
    }

    /// `count` bytes from OpenSSL's CSPRNG (seeded by the kernel); nil if it cannot say it
    /// is seeded.
    package static func randomKey(count: Int = 32) -> [UInt8]? {
        var key = [UInt8](repeating: 0, count: count)
        // SAFETY: `key` holds exactly `count` bytes (32 from every caller), so RAND_bytes writes within it, during the closure.
        let ok = key.withUnsafeMutableBytes { RAND_bytes($0.baseAddress!.assumingMemoryBound(to: UInt8.self), Int32(count)) }
        return ok == 1 ? key : nil
    }
}
