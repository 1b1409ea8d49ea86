import DistillDecode
import DistillInput

/// What reading one input produced: its accounting and any read error (its records went
/// to the sink given to `run`).
package struct FileScan: Sendable {
    package var source: InputSource
    package var compression: Compression = .none
    /// Bytes on disk (compressed) consumed.
    package var rawBytes = 0
    /// Decompressed bytes.
    package var bytes = 0
    package var tally = LineTally()
    /// Records per format, by `LogFormat.position` (counted per record: no hashing).
    var formatCounts = [Int](repeating: 0, count: LogFormat.allCases.count)
    /// Records per format.
    package var formats: [LogFormat: Int] {
        Dictionary(uniqueKeysWithValues: LogFormat.allCases.filter { formatCounts[$0.position] > 0 }.map { ($0, formatCounts[$0.position]) })
    }
    package var firstTimestamp: Int64?
    package var lastTimestamp: Int64?
    /// SHA-256 of the file on disk (when asked for; nil for stdin).
    package var sha256: String?
    /// Set when the input could not be read to its end (or at all).
    package var error: InputError?

    /// Reads and decodes one input, feeding its records to `sink`.
    package static func run<Sink: RecordSink>(
        _ source: InputSource, options: DecodeOptions, sink: inout Sink, hashInput: Bool = false,
        onRawBytes: ((Int) -> Void)? = nil
    ) -> FileScan {
        var decoder = RecordDecoder(options: options)
        var decoded = FileScan(source: source)
        var record = RequestRecord(timestamp: 0, account: "")
        var scan = read(source, options: options, hashInput: hashInput, onRawBytes: onRawBytes) { line in
            line.withBytes { decoded.decode($0, number: line.number, with: &decoder, record: &record, into: &sink) }
        }
        scan.absorb(decoded)
        return scan
    }

    /// Reads one input and hands every line within the length bound to `body`; counts the
    /// lines over it, and records compression, bytes read, errors and the SHA-256.
    /// `onRawBytes` hears of the bytes on disk (compressed) consumed as the reading goes,
    /// every 4096 lines and at the end, so that a progress line moves within a big file.
    static func read(
        _ source: InputSource, options: DecodeOptions, hashInput: Bool, onRawBytes: ((Int) -> Void)? = nil,
        _ body: (LineSplitter.Line) -> Void
    ) -> FileScan {
        var scan = FileScan(source: source)
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
        var reported = 0
        do {
            try splitter.forEachLine(of: opened.reader) { line in
                if let tell = onRawBytes, line.number & 4095 == 0 {
                    let now = opened.reader.rawBytesRead
                    tell(now - reported)
                    reported = now
                }
                if let over = line.oversizedLength {
                    scan.bytes += over + 1
                    scan.tally.count(.lineTooLong, at: LineLocation(file: name, line: line.number))
                } else {
                    body(line)
                }
            }
        } catch let e as InputError {
            scan.error = e
        } catch {
            scan.error = .readFailed(path: name, reason: "\(error)")
        }
        scan.rawBytes = opened.reader.rawBytesRead
        onRawBytes?(scan.rawBytes - reported)
        if hashing, case .file(let path) = source {
            // Hashed while reading; a file whose reading stopped early is hashed on its own.
            scan.sha256 = opened.reader.sha256 ?? SHA256.file(path)
        }
        return scan
    }

    /// Decodes one line of this input: counts it and hands a record to `sink`. The
    /// caller's `r` is reused from line to line: a fresh record per line was built and
    /// destroyed besides the one the decode writes (~270 instructions a line).
    mutating func decode<Sink: RecordSink>(
        _ line: RawSpan, number: Int, with decoder: inout RecordDecoder, record r: inout RequestRecord, into sink: inout Sink
    ) {
        bytes += line.byteCount + 1
        switch decoder.decode(line, into: &r) {
        case .record:
            tally.countRecord()
            formatCounts[r.format.position] += 1
            firstTimestamp = min(firstTimestamp ?? r.timestamp, r.timestamp)
            lastTimestamp = max(lastTimestamp ?? r.timestamp, r.timestamp)
            sink.consume(r)
        case .malformed(let kind):
            tally.count(kind, at: LineLocation(file: source.displayName, line: number))
        case .skipped(let kind):
            tally.count(kind, at: LineLocation(file: source.displayName, line: number))
        }
    }

    /// Adds the line accounting of another part of the same input.
    mutating func absorb(_ part: FileScan) {
        bytes += part.bytes
        tally.merge(part.tally)
        for i in formatCounts.indices { formatCounts[i] += part.formatCounts[i] }
        if let f = part.firstTimestamp { firstTimestamp = min(firstTimestamp ?? f, f) }
        if let l = part.lastTimestamp { lastTimestamp = max(lastTimestamp ?? l, l) }
    }
}
