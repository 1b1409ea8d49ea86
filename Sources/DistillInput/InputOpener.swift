#if canImport(Glibc)
import Glibc
#endif

/// Opens an input (a file path or `-` for stdin), detects its compression from its
/// first bytes and returns a reader of the decompressed bytes.
package enum InputOpener {
    /// An opened input.
    package struct Opened {
        package var reader: any ByteReader
        package var compression: Compression
    }

    /// `hash`: build the SHA-256 of the on-disk bytes while reading them.
    package static func open(_ source: InputSource, hash: Bool = false) throws(InputError) -> Opened {
        let fd: Int32
        let owns: Bool
        switch source {
        case .stdin:
            fd = 0
            owns = false
        case .unreadable(let path, let reason):
            throw .cannotOpen(path: path, reason: reason)
        case .skipped(let path, let kind):
            throw .notRegularFile(path: path, kind: kind)
        case .file(let path):
            fd = Glibc.open(path, O_RDONLY | O_CLOEXEC)
            guard fd >= 0 else { throw .cannotOpen(path: path, reason: String(cString: strerror(errno))) }
            owns = true
        }
        let name = source.displayName
        // Peek up to 6 bytes (a short read from a pipe is retried until EOF or 6 bytes).
        var head = [UInt8](repeating: 0, count: 6)
        var got = 0
        while got < head.count {
            // SAFETY: `got < 6 == head.count`, so read(2) writes at most the `6 - got` bytes left in `head`, during the closure.
            let n = head.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress! + got, 6 - got) }
            if n < 0 {
                if errno == EINTR { continue }
                if owns { close(fd) }
                throw .readFailed(path: name, reason: String(cString: strerror(errno)))
            }
            if n == 0 { break }
            got += n
        }
        head.removeLast(head.count - got)
        let compression = Compression.detect(head)
        let raw = DescriptorReader(fd: fd, path: name, owns: owns, pending: head, hash: hash)
        switch compression {
        case .none: return Opened(reader: raw, compression: .none)
        case .gzip: return Opened(reader: GzipReader(source: raw, path: name), compression: .gzip)
        case .zstd, .bzip2, .xz: throw .unsupportedCompression(path: name, compression: compression)
        }
    }
}
