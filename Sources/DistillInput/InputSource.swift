#if canImport(Glibc)
import Glibc
#endif

/// One input to read: a file on disk or standard input — or a path found while resolving
/// operands that cannot be read as one, kept so that the report names it.
package enum InputSource: Sendable, Hashable, Comparable {
    case file(String)
    case stdin
    /// Found but not readable (a directory that cannot be listed, a file that cannot be
    /// looked at): reading it reports `reason` and the input is incomplete (exit 3).
    case unreadable(String, reason: String)
    /// Not a regular file (a FIFO, device or socket) met in a directory walk or a glob:
    /// skipped with a note, never opened (a FIFO without a writer would block forever).
    /// Named as an operand, such a file is read (`<(zcat dump.gz)`).
    case skipped(String, kind: String)

    /// How messages and reports name this input.
    package var displayName: String {
        switch self {
        case .file(let p), .unreadable(let p, _), .skipped(let p, _): return p
        case .stdin: return "<stdin>"
        }
    }

    /// Size on disk in bytes (nil for stdin and for what is not read).
    package var fileSize: Int? {
        guard case .file(let p) = self else { return nil }
        var st = stat()
        // SAFETY: stat writes one `struct stat` into the local `st`.
        return stat(p, &st) == 0 ? Int(st.st_size) : nil
    }

    /// By name (stdin last), so that results never depend on operand order.
    package static func < (a: Self, b: Self) -> Bool {
        if (a == .stdin) != (b == .stdin) { return b == .stdin }
        return (a.displayName, a.rank) < (b.displayName, b.rank)
    }

    private var rank: Int {
        switch self {
        case .file: return 0
        case .unreadable: return 1
        case .skipped: return 2
        case .stdin: return 3
        }
    }
}
