#if canImport(Glibc)
import Glibc
#endif

/// Expands command-line operands (files, directories, globs, `-`) into a sorted,
/// de-duplicated list of inputs, so that results never depend on operand order.
///
/// Files are identified by device and inode, so a file reached under two spellings
/// (`x.jsonl ./x.jsonl`, a symlink) is read once, under the first name in sort order.
/// Directories are identified the same way: a symlink to a directory is followed once,
/// and a symlink loop ends where it comes back. What cannot be listed or looked at is
/// kept as `.unreadable` (reported, exit 3); FIFOs, devices and sockets met in a walk
/// or a glob are kept as `.skipped` (a note; never opened).
package enum InputResolver {
    /// File names a directory walk picks up.
    package static let directoryExtensions = [".jsonl", ".json", ".ndjson", ".log"]

    package static func resolve(_ operands: [String]) throws(InputError) -> [InputSource] {
        var walk = Walk()
        var wantsStdin = false
        // Sorted operands: which spelling of a twice-reached file or directory is kept
        // does not depend on the order they were given in.
        for operand in Set(operands).sorted() {
            if operand == "-" { wantsStdin = true; continue }
            var st = stat()
            // SAFETY: stat writes one `struct stat` into the local `st`.
            if stat(operand, &st) == 0 {
                if st.st_mode & S_IFMT == S_IFDIR { walk.directory(operand, st) } else { walk.found(operand, st, named: true) }
            } else if operand.contains(where: { "*?[".contains($0) }) {
                let matches = glob(operand)
                if matches.isEmpty { throw .noInputs(pattern: operand) }
                for m in matches { walk.entry(m, nameMatches: true) }
            } else {
                throw .cannotOpen(path: operand, reason: errno == ENOENT ? "no such file or directory" : String(cString: strerror(errno)))
            }
        }
        var sources = walk.result()
        if wantsStdin { sources.append(.stdin) }
        return sources
    }

    static func matchesExtension(_ name: String) -> Bool {
        var base = name
        if base.hasSuffix(".gz") { base.removeLast(3) }
        return directoryExtensions.contains { base.hasSuffix($0) }
    }

    /// A file system object: device and inode.
    struct FileID: Hashable {
        var device: UInt64
        var inode: UInt64
        init(_ st: stat) { device = UInt64(st.st_dev); inode = UInt64(st.st_ino) }
    }

    /// What the walk found so far.
    struct Walk {
        var files: [(path: String, id: FileID)] = []
        var others: [InputSource] = []
        var directories = Set<FileID>()

        /// A regular file, or a non-regular one (read only when named as an operand).
        mutating func found(_ path: String, _ st: stat, named: Bool) {
            let type = st.st_mode & S_IFMT
            if type == S_IFREG || named { files.append((path, FileID(st))) } else { others.append(.skipped(path, kind: Self.kind(type))) }
        }

        /// A directory entry or a glob match: followed through symlinks, once.
        mutating func entry(_ path: String, nameMatches: Bool) {
            var st = stat()
            // SAFETY: stat writes one `struct stat` into the local `st`.
            guard stat(path, &st) == 0 else {
                // A dangling link or a name that cannot be looked at (EACCES on the way).
                if nameMatches || errno == EACCES { others.append(.unreadable(path, reason: String(cString: strerror(errno)))) }
                return
            }
            if st.st_mode & S_IFMT == S_IFDIR { directory(path, st) } else if nameMatches { found(path, st, named: false) }
        }

        mutating func directory(_ dir: String, _ st: stat) {
            // Seen already (a loop, or the same directory under another name): done.
            guard directories.insert(FileID(st)).inserted else { return }
            guard let d = opendir(dir) else {
                others.append(.unreadable(dir, reason: String(cString: strerror(errno))))
                return
            }
            defer { closedir(d) }
            var children: [String] = []
            while true {
                errno = 0
                guard let entry = readdir(d) else {
                    if errno != 0 { others.append(.unreadable(dir, reason: String(cString: strerror(errno)))) }
                    break
                }
                // SAFETY: `entry` is valid until the next `readdir`/`closedir` and is read only here; the name is taken from a copy of the fixed 256-byte `d_name`, up to its NUL, never past it.
                let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                    String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
                }
                if name == "." || name == ".." || name.hasPrefix(".") { continue }
                children.append(name)
            }
            for name in children.sorted() {
                entry(dir.hasSuffix("/") ? dir + name : dir + "/" + name, nameMatches: InputResolver.matchesExtension(name))
            }
        }

        /// The inputs: each file once (its first name in sort order), then sorted by name.
        func result() -> [InputSource] {
            var seen = Set<FileID>()
            var out: [InputSource] = []
            for f in files.sorted(by: { $0.path < $1.path }) where seen.insert(f.id).inserted { out.append(.file(f.path)) }
            return Array(Set(out + others)).sorted()
        }

        static func kind(_ type: mode_t) -> String {
            switch type {
            case S_IFIFO: return "a FIFO"
            case S_IFCHR: return "a character device"
            case S_IFBLK: return "a block device"
            case S_IFSOCK: return "a socket"
            default: return "not a regular file"
            }
        }
    }

    static func glob(_ pattern: String) -> [String] {
        var g = glob_t()
        defer { globfree(&g) }
        // SAFETY: glob fills the local `g`; `gl_pathv[0..<gl_pathc]` are its NUL-terminated matches, copied out before the `defer`'s `globfree` releases them.
        guard Glibc.glob(pattern, 0, nil, &g) == 0 else { return [] }
        return (0..<Int(g.gl_pathc)).compactMap { g.gl_pathv[$0].map { String(cString: $0) } }.sorted()
    }
}
