import DistillDecode
import DistillInput

/// What reading one input produced: its accounting and any read error (its records went
/// to the sink given to `run`).
public struct FileScan: Sendable {
    public var source: InputSource
    public var compression: Compression = .none
    /// Bytes on disk (compressed) consumed.
    public var rawBytes = 0
    /// Decompressed bytes.
    public var bytes = 0
    public var tally = LineTally()
    public var formats: [LogFormat: Int] = [:]
    public var firstTimestamp: Int64?
    public var lastTimestamp: Int64?
    /// SHA-256 of the file on disk (when asked for; nil for stdin).
    public var sha256: String?
    /// Set when the input could not be read to its end (or at all).
    public var error: InputError?

    /// Reads and decodes one input, feeding its records to `sink`.
    public static func run<Sink: RecordSink>(_ source: InputSource, options: DecodeOptions, sink: inout Sink, hashInput: Bool = false) -> FileScan {
        var scan = FileScan(source: source)
        var decoder = RecordDecoder(options: options)
        let name = source.displayName
        let opened: InputOpener.Opened
        let hashing: Bool
        if case .file = source { hashing = hashInput } else { hashing = false }
        do { opened = try InputOpener.open(source, hash: hashing) } catch {
            scan.error = error
            return scan
        }
        scan.compression = opened.compression
        let splitter = LineSplitter(maxLineBytes: options.maxLineBytes)
        do {
            try splitter.forEachLine(of: opened.reader) { line in
                if let over = line.oversizedLength {
                    scan.bytes += over + 1
                    scan.tally.count(.lineTooLong, at: LineLocation(file: name, line: line.number))
                    return
                }
                scan.bytes += line.bytes.count + 1
                switch decoder.decode(line.bytes) {
                case .record(let r):
                    scan.tally.countRecord()
                    scan.formats[r.format, default: 0] += 1
                    scan.firstTimestamp = min(scan.firstTimestamp ?? r.timestamp, r.timestamp)
                    scan.lastTimestamp = max(scan.lastTimestamp ?? r.timestamp, r.timestamp)
                    sink.consume(r)
                case .malformed(let kind):
                    scan.tally.count(kind, at: LineLocation(file: name, line: line.number))
                case .skipped(let kind):
                    scan.tally.count(kind, at: LineLocation(file: name, line: line.number))
                }
            }
        } catch let e as InputError {
            scan.error = e
        } catch {
            scan.error = .readFailed(path: name, reason: "\(error)")
        }
        scan.rawBytes = opened.reader.rawBytesRead
        if hashing, case .file(let path) = source {
            // Hashed while reading; a file whose reading stopped early is hashed on its own.
            scan.sha256 = opened.reader.sha256 ?? SHA256.file(path)
        }
        return scan
    }
}
