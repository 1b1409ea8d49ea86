import DistillSupport

#if canImport(Glibc)
import Glibc
#endif

/// Why a result could not be written: the message names the destination and what to do.
/// Exit code 2 (the documented code for usage and configuration errors: the destination
/// given, or the disk behind it, is the problem).
package struct OutputError: StatusError, Sendable, Equatable {
    package var destination: String
    package var reason: String
    package var exitStatus: ExitStatus { .usage }
    package var exitCode: Int32 { exitStatus.rawValue }
    package init(destination: String, reason: String) { self.destination = destination; self.reason = reason }
    package var description: String {
        "cannot write \(destination) (\(reason)); check the path, free space and permissions, or that the reader of the pipe is still there"
    }
}

/// Writes a result to `-o PATH` without damaging what is there: a regular file (or the
/// regular file a symlink points to) is replaced atomically and keeps its mode and
/// owner; a device, FIFO or socket (`/dev/null`, `/dev/stdout`, a named pipe) is written
/// through, never replaced; a path that does not exist becomes a new regular file.
package enum OutputFile {
    package static func write(_ bytes: [UInt8], to path: String) throws(OutputError) {
        var st = stat()
        // SAFETY: stat/lstat write one `struct stat` into the local `st`/`lst`; `path` is passed as a NUL-terminated copy valid for the call.
        guard stat(path, &st) == 0 else {
            // Nothing there, or a dangling symlink: create (through the link, if one).
            guard errno == ENOENT else { throw OutputError(destination: path, reason: String(cString: strerror(errno))) }
            var lst = stat()
            if lstat(path, &lst) == 0 { return try writeThrough(bytes, to: path, flags: O_CREAT | O_TRUNC) }
            return try replace(path, with: bytes, mode: nil, owner: nil)
        }
        // `/dev/stdout`, `/dev/fd/N`, `/proc/self/fd/N` name an open descriptor: write into it.
        if path.hasPrefix("/dev/") || path.hasPrefix("/proc/") { return try writeThrough(bytes, to: path, flags: 0) }
        switch st.st_mode & S_IFMT {
        case S_IFREG:
            // A symlink is resolved so that its target, not the link, is replaced.
            // SAFETY: with a nil buffer realpath mallocs the result; it is copied by `String(cString:)` and freed by the `defer`, not used after.
            guard let target = realpath(path, nil) else { throw OutputError(destination: path, reason: String(cString: strerror(errno))) }
            defer { free(target) }
            return try replace(String(cString: target), with: bytes, mode: st.st_mode & 0o7777, owner: (st.st_uid, st.st_gid))
        case S_IFDIR:
            throw OutputError(destination: path, reason: "it is a directory")
        default:
            return try writeThrough(bytes, to: path, flags: 0)
        }
    }

    /// Opens an existing node (or creates through a dangling link) and writes into it.
    static func writeThrough(_ bytes: [UInt8], to path: String, flags: Int32) throws(OutputError) {
        let fd = open(path, O_WRONLY | O_CLOEXEC | flags, 0o666)
        guard fd >= 0 else { throw OutputError(destination: path, reason: String(cString: strerror(errno))) }
        defer { close(fd) }
        try writeAll(bytes, to: fd, name: path)
    }

    /// Writes a temporary file beside `path`, then renames it over `path`.
    static func replace(_ path: String, with bytes: [UInt8], mode: mode_t?, owner: (uid_t, gid_t)?) throws(OutputError) {
        let slash = path.lastIndex(of: "/")
        let dir = slash.map { String(path[...$0]) } ?? ""
        var template = Array((dir + ".distillscan-XXXXXX").utf8CString)
        // SAFETY: `template` is a NUL-terminated `[CChar]` (`utf8CString`) that mkstemp rewrites in place, within its length, during the call.
        let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard fd >= 0 else { throw OutputError(destination: path, reason: String(cString: strerror(errno))) }
        let temp = String(cString: template)
        do throws(OutputError) {
            defer { close(fd) }
            if let m = mode {
                fchmod(fd, m)
            } else {
                // A new file gets the usual 0666 less the umask (mkstemp makes it 0600).
                let mask = umask(0); umask(mask)
                fchmod(fd, 0o666 & ~mask)
            }
            if let (uid, gid) = owner, getuid() == 0 { _ = fchown(fd, uid, gid) }
            try writeAll(bytes, to: fd, name: path)
            guard fsync(fd) == 0 || errno == EINVAL else { throw OutputError(destination: path, reason: String(cString: strerror(errno))) }
        } catch {
            unlink(temp)
            throw error
        }
        guard rename(temp, path) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temp)
            throw OutputError(destination: path, reason: reason)
        }
    }

    /// Writes every byte to `fd`, retrying short writes and interruptions.
    package static func writeAll(_ bytes: [UInt8], to fd: Int32, name: String) throws(OutputError) {
        var done = 0
        while done < bytes.count {
            // SAFETY: `done < bytes.count`, so `bytes` is non-empty (non-nil base) and write(2) reads the `bytes.count - done` bytes from offset `done`, inside the array, during the closure.
            let n = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress! + done, bytes.count - done) }
            if n < 0 {
                if errno == EINTR { continue }
                throw OutputError(destination: name, reason: String(cString: strerror(errno)))
            }
            done += n
        }
    }
}

/// Standard output and error written with `write(2)`: a failed write (`> /dev/full`, a
/// closed pipe with SIGPIPE ignored) is an error to report, never a trap.
package enum StandardStreams {
    /// Writes a result to standard output.
    package static func output(_ text: String) throws(OutputError) {
        try OutputFile.writeAll(Array(text.utf8), to: 1, name: "standard output")
    }

    /// Writes a message to standard error; false when it could not be written (there is
    /// nowhere left to say so).
    @discardableResult
    package static func error(_ text: String) -> Bool {
        do { try OutputFile.writeAll(Array(text.utf8), to: 2, name: "standard error"); return true } catch { return false }
    }
}
