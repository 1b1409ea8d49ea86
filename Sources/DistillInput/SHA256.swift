import CCrypto

#if canImport(Glibc)
import Glibc
#endif

/// SHA-256 (FIPS 180-4) of a file's bytes on disk, for the report's chain of custody.
/// The one owner of an OpenSSL digest context (a reference type: the context is a C
/// object that must not be duplicated by copying).
package final class SHA256 {
    // SAFETY: freed only in `deinit`; a class, so the C context is never duplicated by a copy.
    private let context: OpaquePointer

    package init() {
        guard let c = EVP_MD_CTX_new(), EVP_DigestInit_ex(c, EVP_sha256(), nil) == 1 else {
            fatalError("OpenSSL could not set up a SHA-256 digest (out of memory?)")
        }
        context = c
    }

    deinit { EVP_MD_CTX_free(context) }

    package func update(_ data: UnsafeRawBufferPointer) {
        // SAFETY: OpenSSL reads exactly `data.count` bytes from the caller's live buffer during the call and keeps no pointer to them.
        guard let base = data.baseAddress, data.count > 0 else { return }
        // Fails only on a broken context, which init rules out.
        let ok = EVP_DigestUpdate(context, base, data.count)
        precondition(ok == 1, "SHA-256 update failed")
    }

    /// Lower-case hex digest of everything given so far (the hasher stays usable).
    package func finish() -> String {
        guard let copy = EVP_MD_CTX_new() else { fatalError("OpenSSL could not allocate a digest context") }
        defer { EVP_MD_CTX_free(copy) }
        var out = [UInt8](repeating: 0, count: Int(EVP_MAX_MD_SIZE))
        var length: UInt32 = 0
        let copied = EVP_MD_CTX_copy_ex(copy, context)
        // SAFETY: `out` has `EVP_MAX_MD_SIZE` bytes, room for any digest; `length` says how many were written.
        let finished = copied == 1 && EVP_DigestFinal_ex(copy, &out, &length) == 1
        precondition(finished, "SHA-256 finalisation failed")
        let hex = Array("0123456789abcdef".utf8)
        var s = [UInt8]()
        for b in out.prefix(Int(length)) { s.append(hex[Int(b >> 4)]); s.append(hex[Int(b & 15)]) }
        return String(decoding: s, as: UTF8.self)
    }

    /// Hex digest of a file, read in 1 MiB chunks; nil if it cannot be read.
    package static func file(_ path: String) -> String? {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        let s = SHA256()
        // SAFETY: 1 MiB owned here and freed by the `defer`; read(2) writes at most `buf.count` bytes, and only the `n` written are hashed.
        let buf = UnsafeMutableRawBufferPointer.allocate(byteCount: 1 << 20, alignment: 16)
        defer { buf.deallocate() }
        while true {
            let n = read(fd, buf.baseAddress, buf.count)
            if n < 0 { if errno == EINTR { continue }; return nil }
            if n == 0 { break }
            s.update(UnsafeRawBufferPointer(rebasing: buf[0..<n]))
        }
        return s.finish()
    }
}
