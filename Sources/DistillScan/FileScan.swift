import DistillDecode
import DistillInput

/// What reading one input produced: its accounting, the sink's state and any read error.
public struct FileScan<Sink: RecordSink>: Sendable {
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
    public var sink: Sink
    /// Set when the input could not be read to its end (or at all).
    public var error: InputError?

    /// Reads and decodes one input into a fresh sink.
    public static func run(_ source: InputSource, options: DecodeOptions, sink: Sink) -> FileScan {
        var scan = FileScan(source: source, sink: sink)
        var decoder = RecordDecoder(options: options)
        let name = source.displayName
        let opened: InputOpener.Opened
        do { opened = try InputOpener.open(source) } catch {
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
                    scan.sink.consume(r)
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
        return scan
    }
}
