#if canImport(Glibc)
import Glibc
#endif

/// Reads a whole regular file into memory (state files are read whole: their checksum
/// covers everything, and nothing of one is used before it is checked).
enum WholeFile {
    struct Failure: Error { var reason: String }

    static func read(_ path: String) throws(Failure) -> [UInt8] {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw Failure(reason: String(cString: strerror(errno))) }
        defer { close(fd) }
        var st = stat()
        // SAFETY: fstat writes one `struct stat` into the local `st`.
        guard fstat(fd, &st) == 0 else { throw Failure(reason: String(cString: strerror(errno))) }
        guard st.st_mode & S_IFMT == S_IFREG else { throw Failure(reason: st.st_mode & S_IFMT == S_IFDIR ? "it is a directory" : "not a regular file") }
        var out = [UInt8]()
        out.reserveCapacity(Int(st.st_size))
        var chunk = [UInt8](repeating: 0, count: 1 << 20)
        while true {
            // SAFETY: read(2) writes at most `chunk.count` bytes into `chunk`; only the `n` written are appended.
            let n = chunk.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
            if n < 0 { if errno == EINTR { continue }; throw Failure(reason: String(cString: strerror(errno))) }
            if n == 0 { return out }
            out.append(contentsOf: chunk[0..<n])
        }
    }

    /// The first `count` bytes of a regular file; nil when it cannot be opened or is no regular file.
    static func head(_ path: String, count: Int) -> [UInt8]? {
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var st = stat()
        // SAFETY: fstat writes one `struct stat` into the local `st`.
        guard fstat(fd, &st) == 0, st.st_mode & S_IFMT == S_IFREG else { return nil }
        var buf = [UInt8](repeating: 0, count: count)
        // SAFETY: `buf` has `count` bytes, so read(2) writes within it; only the `n` read are returned.
        let n = buf.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, count) }
        return n > 0 ? Array(buf[0..<n]) : []
    }
}
