import ArgumentParser
import DistillInput
import DistillReport
import Foundation

/// The key of `--redact`: the bytes of `--redact-key FILE` (kept by the investigator, so
/// that two redacted reports can be compared and a value checked by whoever holds it), or
/// random bytes held in memory only.
enum RedactionKey {
    static func redaction(keyFile: String?, pseudonymousAccounts: Bool) throws -> Redaction {
        guard let path = keyFile else {
            guard let key = HMACSHA256.randomKey() else { throw ValidationError("--redact: no random key could be drawn (OpenSSL's generator is not seeded); give --redact-key FILE") }
            return Redaction(key: key, pseudonymousAccounts: pseudonymousAccounts)
        }
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDir) else { throw ValidationError("--redact-key \(path): no such file; create one with: head -c 32 /dev/urandom > \(path)") }
        guard !isDir.boolValue else { throw ValidationError("--redact-key \(path): is a directory; give the key file") }
        guard let data = FileManager.default.contents(atPath: path) else { throw ValidationError("--redact-key \(path): cannot be read; check its permissions") }
        guard data.count >= 16 else { throw ValidationError("--redact-key \(path): \(data.count) byte(s); a key needs at least 16 (head -c 32 /dev/urandom > \(path))") }
        return Redaction(key: [UInt8](data), pseudonymousAccounts: pseudonymousAccounts)
    }
}

/// The same file named twice (`a.jsonl ./a.jsonl`, a symlink) is read once; this says so.
enum Duplicates {
    static func report(_ operands: [String]) {
        var seen: [String: String] = [:]
        for p in Set(operands).sorted() where p != "-" {
            var st = stat()
            // SAFETY: stat writes one `struct stat` into the local `st`.
            guard stat(p, &st) == 0, st.st_mode & S_IFMT == S_IFREG else { continue }
            let id = "\(st.st_dev):\(st.st_ino)"
            if let first = seen[id] { Output.message("\(p) is the same file as \(first): read once") } else { seen[id] = p }
        }
    }
}
