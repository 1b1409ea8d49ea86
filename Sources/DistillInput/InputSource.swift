#if canImport(Glibc)
import Glibc
#endif

/// One input to read: a file on disk or standard input.
public enum InputSource: Sendable, Hashable, Comparable {
    case file(String)
    case stdin

    /// How messages and reports name this input.
    public var displayName: String {
        switch self {
        case .file(let p): return p
        case .stdin: return "<stdin>"
        }
    }

    /// Size on disk in bytes (nil for stdin).
    public var fileSize: Int? {
        guard case .file(let p) = self else { return nil }
        var st = stat()
        return stat(p, &st) == 0 ? Int(st.st_size) : nil
    }
}

/// Expands command-line operands (files, directories, globs, `-`) into a sorted,
/// de-duplicated list of inputs, so that results never depend on operand order.
public enum InputResolver {
    /// File names a directory walk picks up.
    public static let directoryExtensions = [".jsonl", ".json", ".ndjson", ".log"]

    public static func resolve(_ operands: [String]) throws(InputError) -> [InputSource] {
        var files = Set<String>()
        var wantsStdin = false
        for operand in operands {
            if operand == "-" { wantsStdin = true; continue }
            if isDirectory(operand) {
                walk(operand, into: &files)
            } else if exists(operand) {
                files.insert(operand)
            } else if operand.contains(where: { "*?[".contains($0) }) {
                let matches = glob(operand)
                if matches.isEmpty { throw .noInputs(pattern: operand) }
                for m in matches { if isDirectory(m) { walk(m, into: &files) } else { files.insert(m) } }
            } else {
                throw .cannotOpen(path: operand, reason: "no such file or directory")
            }
        }
        var sources = files.sorted().map(InputSource.file)
        if wantsStdin { sources.append(.stdin) }
        return sources
    }

    static func matchesExtension(_ name: String) -> Bool {
        var base = name
        if base.hasSuffix(".gz") { base.removeLast(3) }
        return directoryExtensions.contains { base.hasSuffix($0) }
    }

    static func walk(_ dir: String, into files: inout Set<String>) {
        guard let d = opendir(dir) else { return }
        defer { closedir(d) }
        var children: [String] = []
        while let entry = readdir(d) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
            }
            if name == "." || name == ".." || name.hasPrefix(".") { continue }
            children.append(name)
        }
        for name in children.sorted() {
            let path = dir.hasSuffix("/") ? dir + name : dir + "/" + name
            if isDirectory(path) { walk(path, into: &files) } else if matchesExtension(name) { files.insert(path) }
        }
    }

    static func exists(_ path: String) -> Bool {
        var st = stat()
        return stat(path, &st) == 0
    }

    static func isDirectory(_ path: String) -> Bool {
        var st = stat()
        return stat(path, &st) == 0 && (st.st_mode & S_IFMT) == S_IFDIR
    }

    static func glob(_ pattern: String) -> [String] {
        var g = glob_t()
        defer { globfree(&g) }
        guard Glibc.glob(pattern, 0, nil, &g) == 0 else { return [] }
        return (0..<Int(g.gl_pathc)).compactMap { g.gl_pathv[$0].map { String(cString: $0) } }
    }
}
