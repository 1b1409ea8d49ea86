import DistillSupport

/// Why an input could not be (fully) read. Messages name the file and say what to do.
package enum InputError: StatusError, Sendable, Equatable {
    case cannotOpen(path: String, reason: String)
    case readFailed(path: String, reason: String)
    case unsupportedCompression(path: String, compression: Compression)
    case truncatedGzip(path: String, offset: Int)
    case corruptGzip(path: String, offset: Int, detail: String)
    case trailingGarbage(path: String, offset: Int)
    case noInputs(pattern: String)
    /// A FIFO, device or socket met in a directory walk or a glob: skipped, never opened.
    case notRegularFile(path: String, kind: String)

    package var description: String {
        switch self {
        case .cannotOpen(let p, let r): return "\(p): cannot open (\(r)); check the path and permissions"
        case .readFailed(let p, let r): return "\(p): read failed (\(r))"
        case .unsupportedCompression(let p, let c):
            return "\(p): \(c.rawValue) is not supported; decompress it first (e.g. `\(c == .zstd ? "zstd -d" : c == .xz ? "xz -d" : "bunzip2") FILE`) or pipe it to `distillscan ... -`"
        case .truncatedGzip(let p, let o):
            return "\(p): gzip data ends early at compressed byte \(o) (truncated file?); records before it were kept"
        case .corruptGzip(let p, let o, let d):
            return "\(p): corrupt gzip data at compressed byte \(o) (\(d)); records before it were kept"
        case .trailingGarbage(let p, let o):
            return "\(p): bytes after the last gzip member at byte \(o) are not gzip (a damaged member?) and could not be read; records before them were kept"
        case .noInputs(let p): return "\(p): matches no readable file; give files, directories, globs or - for stdin"
        case .notRegularFile(let p, let k): return "\(p): \(k), not a regular file; skipped (name it as an operand to read it)"
        }
    }

    /// Any input that cannot be read ends the run with status 3 when it is fatal.
    package var exitStatus: ExitStatus { .inputIncomplete }

    /// Whether the file's data could not be read to its end (exit code 3). Bytes after
    /// the last member that are neither gzip nor zero padding lose data too: they may be a
    /// member whose header was damaged.
    package var losesData: Bool {
        switch self {
        case .notRegularFile: return false
        default: return true
        }
    }
}
