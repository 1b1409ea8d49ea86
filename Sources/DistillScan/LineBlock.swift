import DistillDecode
import DistillInput

/// A run of complete lines of one input, copied out by the thread reading that input so
/// that any worker can decode it: one file's decoding is shared by all workers.
struct LineBlock: Sendable {
    /// Index of the input.
    var file: Int
    /// Line number of the first line.
    var firstLine: Int
    var bytes: [UInt8] = []
    /// End offset of each line in `bytes`.
    var ends: [Int] = []

    /// Bytes of lines a block gathers before it is handed on.
    let targetBytes: Int

    /// `reserving`: room for a full block at once (a block that may stay empty does not).
    init(file: Int, firstLine: Int, targetBytes: Int, reserving: Bool = true) {
        self.file = file
        self.firstLine = firstLine
        self.targetBytes = targetBytes
        guard reserving else { return }
        bytes.reserveCapacity(targetBytes + (64 << 10))
        ends.reserveCapacity(targetBytes / 256)
    }

    var isFull: Bool { bytes.count >= targetBytes }

    mutating func append(_ line: RawSpan) {
        line.withUnsafeBytes { bytes.append(contentsOf: $0) }
        ends.append(bytes.count)
    }

    /// Decodes every line into `sink`; returns the block's line accounting.
    func decode<Sink: RecordSink>(source: InputSource, with decoder: inout RecordDecoder, record: inout RequestRecord, into sink: inout Sink) -> FileScan {
        var part = FileScan(source: source)
        // `ends` are increasing offsets `<= bytes.count` (appended as `bytes` grew); the
        // spans are bounds-checked slices of the block, alive while it is.
        let all = bytes.span.bytes
        var start = 0
        for (i, end) in ends.enumerated() {
            part.decode(all.extracting(start..<end), number: firstLine + i, with: &decoder, record: &record, into: &sink)
            start = end
        }
        return part
    }
}
