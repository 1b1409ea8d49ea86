import DistillDecode
import DistillInput

#if canImport(Glibc)
import Glibc
#endif

/// Reads an accounts file (JSONL, optionally gzip) into account id → info.
package enum AccountsFile {
    /// What was read, with the accounting of its lines.
    package struct Loaded: Sendable {
        package var accounts: [String: AccountInfo] = [:]
        package var tally = LineTally()
        package var error: InputError?
    }

    /// Why `path` cannot serve as an accounts file (missing, a directory, unreadable), in
    /// words for a usage error (exit 2); nil when it can be opened for reading.
    package static func problem(_ path: String) -> String? {
        var st = stat()
        // SAFETY: stat writes one `struct stat` into the local `st`.
        guard stat(path, &st) == 0 else { return "--accounts \(path): \(String(cString: strerror(errno))); give the accounts file (JSONL, may be gzip)" }
        if st.st_mode & S_IFMT == S_IFDIR { return "--accounts \(path): is a directory; give the accounts file (JSONL, may be gzip)" }
        let fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else { return "--accounts \(path): cannot open (\(String(cString: strerror(errno)))); check its permissions" }
        close(fd)
        return nil
    }

    package static func load(_ path: String, options: DecodeOptions) -> Loaded {
        var out = Loaded()
        var decoder = RecordDecoder(options: options)
        do {
            let opened = try InputOpener.open(.file(path))
            try LineSplitter(maxLineBytes: options.maxLineBytes).forEachLine(of: opened.reader) { line in
                let loc = LineLocation(file: path, line: line.number)
                if line.oversizedLength != nil { out.tally.count(.lineTooLong, at: loc); return }
                switch line.withBytes({ decoder.decodeAccount($0) }) {
                case nil: out.tally.count(.blank, at: loc)
                case .failure(let k)?: out.tally.count(k, at: loc)
                case .success(let a)?:
                    out.tally.countRecord()
                    out.accounts[a.accountID] = a
                }
            }
        } catch let e as InputError {
            out.error = e
        } catch {
            out.error = .readFailed(path: path, reason: "\(error)")
        }
        return out
    }
}

extension InputSummary {
    /// An accounts file that could not be read to its end makes the input incomplete
    /// (exit 3): it is listed with the inputs, with its error and no lines of its own
    /// (its lines are accounted in the manifest's `accounts_file`).
    mutating func noteAccountsFile(_ path: String, _ loaded: AccountsFile.Loaded) {
        guard let e = loaded.error else { return }
        var f = File(
            path: path, compression: .none, sizeBytes: 0, bytes: 0, tally: LineTally(), formats: [:],
            firstTimestamp: nil, lastTimestamp: nil, error: "accounts file: " + e.description, sha256: nil)
        f.lostData = true
        files.append(f)
    }
}
