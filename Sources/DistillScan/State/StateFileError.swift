/// Why a state file was refused. Every case names the file and says what to do; all exit
/// with 2, and a refused state is never partly used.
package enum StateFileError: Error, Sendable, Equatable, CustomStringConvertible {
    case unreadable(path: String, reason: String)
    /// No state header: not a file `distillscan profile` wrote.
    case foreign(path: String)
    case version(path: String, found: UInt32, supported: UInt32)
    case truncated(path: String, expected: Int, found: Int)
    /// The content does not match its checksum.
    case damaged(path: String)
    /// The checksum matches but the content does not decode (written by a broken tool).
    case malformed(path: String, detail: String)
    /// Made with different parameters, rule packs or accounts files.
    case mismatch(path: String, other: String, what: String)
    /// Two states share some inputs but neither holds all of the other's.
    case overlap(path: String, other: String, input: String)

    package var exitCode: Int32 { 2 }

    package var description: String {
        switch self {
        case .unreadable(let p, let r): return "\(p): cannot read the state file (\(r)); check the path and permissions"
        case .foreign(let p):
            return "\(p): not a distillscan state file (no state header); give files written by `distillscan profile` or `distillscan merge`"
        case .version(let p, let f, let s):
            return "\(p): state format version \(f), this distillscan reads version \(s); re-run `distillscan profile` on its logs with this version"
        case .truncated(let p, let e, let f):
            return "\(p): truncated state file (\(f) of \(e) bytes); re-run the `distillscan profile` or `merge` that wrote it"
        case .damaged(let p):
            return "\(p): damaged state file (its checksum does not match its content); re-run the `distillscan profile` or `merge` that wrote it"
        case .malformed(let p, let d):
            return "\(p): state file content is invalid (\(d)); re-run the `distillscan profile` or `merge` that wrote it"
        case .mismatch(let p, let o, let w):
            return "\(p) and \(o) were made with different \(w); profile all inputs with the same parameters, rule pack and accounts file"
        case .overlap(let p, let o, let i):
            return "\(p) and \(o) both hold input \(i) but neither holds all of the other's inputs; re-profile so that each input is in one state"
        }
    }
}
