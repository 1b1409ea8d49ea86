import DistillDecode
import DistillInput

/// One input's line accounting as a state file keeps it: the report's file entry and the
/// source kind that orders inputs as the resolver does (by name, stdin last).
package struct StateInput: Sendable {
    package var file: InputSummary.File
    /// `InputSource` rank: 0 file, 1 unreadable, 2 skipped, 3 stdin.
    package var rank: UInt8

    init(_ scan: FileScan, _ entry: InputSummary.File) {
        file = entry
        switch scan.source {
        case .file: rank = 0
        case .unreadable: rank = 1
        case .skipped: rank = 2
        case .stdin: rank = 3
        }
    }

    init(file: InputSummary.File, rank: UInt8) { self.file = file; self.rank = rank }

    /// The order of `InputResolver`'s result: by name, stdin last.
    static func precedes(_ a: StateInput, _ b: StateInput) -> Bool {
        if (a.rank == 3) != (b.rank == 3) { return b.rank == 3 }
        return (a.file.path, a.rank) < (b.file.path, b.rank)
    }

    /// What identifies the input across states: its SHA-256, for a file with lines (an
    /// empty file, stdin or an unreadable path adds nothing that could be counted twice).
    var identity: String? { file.tally.lines > 0 || file.bytes > 0 ? file.sha256 : nil }

    func encode(into w: inout BinaryWriter) {
        let f = file
        w.u8(rank)
        w.string(f.path); w.string(f.compression.rawValue)
        w.int(f.sizeBytes); w.int(f.bytes)
        f.tally.encode(into: &w)
        let formats = f.formats.sorted { $0.key < $1.key }
        w.count(formats.count)
        for (k, v) in formats { w.string(k.rawValue); w.int(v) }
        w.optionalI64(f.firstTimestamp); w.optionalI64(f.lastTimestamp)
        w.optionalString(f.error); w.optionalString(f.sha256)
        w.bool(f.lostData)
    }

    static func decode(_ r: inout BinaryReader) throws(BinaryReader.Malformed) -> StateInput {
        let rank = try r.u8()
        guard rank <= 3 else { throw .init("an input kind \(rank)") }
        let path = try r.string()
        let c = try r.string()
        guard let compression = Compression(rawValue: c) else { throw .init("an unknown compression \(c.utf8Prefix(40))") }
        let size = try r.nonNegative("a file size"), bytes = try r.nonNegative("a byte count")
        let tally = try LineTally.decode(&r)
        var formats: [LogFormat: Int] = [:]
        for _ in 0..<(try r.count(itemBytes: 2)) {
            let name = try r.string()
            guard let f = LogFormat(rawValue: name) else { throw .init("an unknown log format \(name.utf8Prefix(40))") }
            formats[f] = try r.nonNegative("a format count")
        }
        var file = InputSummary.File(
            path: path, compression: compression, sizeBytes: size, bytes: bytes, tally: tally, formats: formats,
            firstTimestamp: try r.optionalI64(), lastTimestamp: try r.optionalI64(),
            error: try r.optionalString(), sha256: try r.optionalString())
        file.lostData = try r.bool()
        return StateInput(file: file, rank: rank)
    }
}
