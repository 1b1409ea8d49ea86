import DistillDecode
import DistillInput

/// Reads an accounts file (JSONL, optionally gzip) into account id → info.
public enum AccountsFile {
    /// What was read, with the accounting of its lines.
    public struct Loaded: Sendable {
        public var accounts: [String: AccountInfo] = [:]
        public var tally = LineTally()
        public var error: InputError?
    }

    public static func load(_ path: String, options: DecodeOptions) -> Loaded {
        var out = Loaded()
        var decoder = RecordDecoder(options: options)
        do {
            let opened = try InputOpener.open(.file(path))
            try LineSplitter(maxLineBytes: options.maxLineBytes).forEachLine(of: opened.reader) { line in
                let loc = LineLocation(file: path, line: line.number)
                if line.oversizedLength != nil { out.tally.count(.lineTooLong, at: loc); return }
                switch decoder.decodeAccount(line.bytes) {
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
