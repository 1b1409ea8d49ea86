#if canImport(Glibc)
import Glibc
#endif

extension OutputFile {
    /// Checks, before a long scan, that `write(_:to:)` will be able to write `path`: a
    /// directory is refused; an existing device or FIFO must be writable; otherwise the
    /// directory that will hold the file (and its temporary sibling) must exist and be
    /// writable. The same rules as the write itself, so that a wrong `-o` fails in a
    /// second, not after an hour of reading.
    package static func preflight(_ path: String) throws(OutputError) {
        var st = stat()
        // SAFETY: stat writes one `struct stat` into the local `st`.
        if stat(path, &st) == 0 {
            if st.st_mode & S_IFMT == S_IFDIR { throw OutputError(destination: path, reason: "it is a directory") }
            if path.hasPrefix("/dev/") || path.hasPrefix("/proc/") || st.st_mode & S_IFMT != S_IFREG {
                guard access(path, W_OK) == 0 else { throw OutputError(destination: path, reason: String(cString: strerror(errno))) }
                return
            }
        }
        let slash = path.lastIndex(of: "/")
        let dir = slash.map { $0 == path.startIndex ? "/" : String(path[..<$0]) } ?? "."
        var dst = stat()
        // SAFETY: stat writes one `struct stat` into the local `dst`.
        guard stat(dir, &dst) == 0 else { throw OutputError(destination: path, reason: "directory \(dir): " + String(cString: strerror(errno))) }
        guard dst.st_mode & S_IFMT == S_IFDIR else { throw OutputError(destination: path, reason: "\(dir) is not a directory") }
        guard access(dir, W_OK | X_OK) == 0 else { throw OutputError(destination: path, reason: "directory \(dir): " + String(cString: strerror(errno))) }
    }
}
