@testable import DistillDecode

func decode(_ line: String, _ options: DecodeOptions = DecodeOptions()) -> DecodeOutcome {
    decodeBytes(Array(line.utf8), options)
}

func decodeBytes(_ bytes: [UInt8], _ options: DecodeOptions = DecodeOptions()) -> DecodeOutcome {
    var d = RecordDecoder(options: options)
    return d.decode(bytes.span.bytes)
}

func record(_ line: String, _ options: DecodeOptions = DecodeOptions()) -> RequestRecord? {
    if case .record(let r) = decode(line, options) { return r }
    return nil
}

func malformedKind(_ line: String) -> MalformedKind? {
    if case .malformed(let k) = decode(line) { return k }
    return nil
}

/// Parses `json` and reads the tape while the line is alive (the tape points into it).
func readTape<T>(_ json: String, _ body: (JSONTape) -> T) throws -> T {
    var tape = JSONTape()
    return try Array(json.utf8).withUnsafeBytes { line in
        try tape.parse(line, maxDepth: 64)
        return body(tape)
    }
}
