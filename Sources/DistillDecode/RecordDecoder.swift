#if canImport(Glibc)
import Glibc
#endif

/// Turns one line into a `RequestRecord` or a counted rejection. One decoder per
/// thread: it reuses its JSON tape between lines.
package struct RecordDecoder {
    package var options: DecodeOptions
    var tape = JSONTape()
    /// This decoder's shared strings for few-valued fields (never shared between threads).
    let interner = StringInterner()

    package init(options: DecodeOptions) { self.options = options }

    package mutating func decode(_ line: RawSpan) -> DecodeOutcome {
        var r = RequestRecord(timestamp: 0, account: "")
        switch decode(line, into: &r) {
        case .record: return .record(r)
        case .malformed(let kind): return .malformed(kind)
        case .skipped(let kind): return .skipped(kind)
        }
    }

    /// `decode` writing the record into `r` (valid when the status is `.record`): a record
    /// is large, and handing it back through results and outcomes copied it several times.
    package mutating func decode(_ line: RawSpan, into r: inout RequestRecord) -> LineStatus {
        // SAFETY: the span's bytes are valid for the whole closure, which decodes them; the tape's view of them (`JSONTape._unsafeBytes`) is read only before this returns.
        line.withUnsafeBytes { decode(unsafeLine: $0, into: &r) }
    }

    /// `decode(_:into:)` on the line's raw bytes, valid during the call.
    mutating func decode(unsafeLine line: UnsafeRawBufferPointer, into r: inout RequestRecord) -> LineStatus {
        var bytes = line
        // Strip a UTF-8 BOM and a trailing CR (CRLF files).
        // SAFETY: slices of `line` only: past a 3-byte BOM when `count >= 3`, short of a last CR when there is one; the caller keeps `line` alive during the decode.
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { bytes = UnsafeRawBufferPointer(rebasing: bytes[3...]) }
        if let last = bytes.last, last == 0x0D { bytes = UnsafeRawBufferPointer(rebasing: bytes[..<(bytes.count - 1)]) }
        if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { return .skipped(.blank) }
        do {
            try tape.parse(bytes, maxDepth: options.maxDepth)
        } catch {
            switch error {
            case .invalidJSON: return .malformed(.invalidJSON)
            case .invalidUTF8: return .malformed(.invalidUTF8)
            case .nulByte: return .malformed(.nulByte)
            case .tooDeep: return .malformed(.tooDeep)
            case .tooLong: return .malformed(.lineTooLong)
            }
        }
        guard tape.kind(tape.root) == .object else { return .malformed(.notObject) }
        let format: LogFormat
        let failure: MalformedKind?
        if options.format == nil && options.schema == nil {
            // Most lines are canonical: the format is told in the canonical pass itself.
            let (detected, canonicalFailure) = decodeCanonical(into: &r, detecting: true)
            format = detected
            failure = detected == .canonical ? canonicalFailure : decode(as: detected, into: &r)
        } else {
            // A given format wins; else the schema file means mapped input.
            format = options.format ?? .mapped
            failure = decode(as: format, into: &r)
        }
        if let kind = failure { return .malformed(kind) }
        r.format = format
        Self.boundCounts(&r)
        if let since = options.since, r.timestamp < since { return .skipped(.outsideTimeRange) }
        if let until = options.until, r.timestamp >= until { return .skipped(.outsideTimeRange) }
        return .record
    }

    /// The decode of one known format into `r`; nil, or why the line is malformed.
    func decode(as format: LogFormat, into r: inout RequestRecord) -> MalformedKind? {
        switch format {
        case .canonical: return decodeCanonical(into: &r)
        case .litellm: return decodeLiteLLM(into: &r)
        case .bedrock: return decodeBedrock(into: &r)
        case .mapped: return decodeMapped(into: &r)
        }
    }

    /// Largest token count (and latency in ms) kept: 2^31. Counts are summed per account
    /// and per campaign; a record claiming more (`"output_tokens": 9e15`) would overflow
    /// those sums, so the field is dropped like any other out-of-range optional number
    /// (docs/formats.md). Negative counts are dropped too.
    package static let maxCount = 1 << 31

    /// Drops counts outside `0...maxCount` (every format goes through here).
    @inline(__always)
    static func boundCounts(_ r: inout RequestRecord) {
        if let v = r.inputTokens, v < 0 || v > maxCount { r.inputTokens = nil }
        if let v = r.outputTokens, v < 0 || v > maxCount { r.outputTokens = nil }
        if let v = r.maxTokens, v < 0 || v > maxCount { r.maxTokens = nil }
        if let v = r.latencyMs, v < 0 || v > maxCount { r.latencyMs = nil }
    }

    @inline(__always)
    static func same(_ b: UnsafeRawBufferPointer, _ s: StaticString) -> Bool {
        // SAFETY: compares `b.count` bytes only when that equals the literal's length; `b` is a node's range of a parsed line (non-nil base) and every caller passes a non-empty literal.
        b.count == s.utf8CodeUnitCount && memcmp(b.baseAddress!, s.utf8Start, b.count) == 0
    }

    /// The node of a usable identifier field (a string whose text is not empty, or a
    /// number), for `appendIdentifier`; nil when absent, null or empty; a failure for
    /// other types.
    func identifierNode(_ i: Int?) -> Result<Int, MalformedKind>? {
        guard let i else { return nil }
        switch tape.kind(i) {
        case .string:
            // A non-empty body keeps its first character (at most 4 bytes) under any limit
            // of 4 or more (the options' floor is 16; a state file's could be lower).
            let limit = options.maxIdentifierBytes
            if tape._unsafeRaw(i).isEmpty || (limit < 4 && tape.string(i, limit: limit).isEmpty) { return nil }
            return .success(i)
        case .number: return .success(i)
        case .null: return nil
        default: return .failure(.wrongType)
        }
    }

    /// Appends the UTF-8 of `identifier(i)` for a node from `identifierNode`.
    func appendIdentifier(_ i: Int, to bytes: inout [UInt8]) {
        if tape.kind(i) == .number {
            JSONTape.append(tape._unsafeRaw(i), to: &bytes)
        } else {
            tape.appendString(i, limit: options.maxIdentifierBytes, to: &bytes)
        }
    }

    /// An identifier field as a `String` (the accounts file's): a string or a number
    /// written as text.
    func identifier(_ i: Int?) -> Result<String, MalformedKind>? {
        identifierNode(i)?.map { node in
            var bytes: [UInt8] = []
            appendIdentifier(node, to: &bytes)
            return String(decoding: bytes, as: UTF8.self)
        }
    }

    /// An optional text field; wrong types are dropped, not fatal. Plain strings of
    /// few-valued fields come from the interner, whatever their length (`intern: false`
    /// for per-account values such as keys and addresses: a table holding thousands of
    /// accounts' values misses the cache on nearly every lookup, which cost more than the
    /// allocations it saved).
    func text(_ i: Int?, limit: Int = 256, intern: Bool = true) -> String? {
        guard let i else { return nil }
        if intern, tape._unsafeNodes[i].kind == .string, !tape._unsafeNodes[i].escaped {
            let raw = tape._unsafeRaw(i)
            if raw.count <= limit { return raw.isEmpty ? nil : interner.string(raw) }
        }
        guard let s = tape.scalarText(i, limit: limit), !s.isEmpty else { return nil }
        return s
    }

    /// Sets `target` to `text(i, limit:)` of a few-valued field, leaving it untouched
    /// when it holds that interned string already (`StringInterner.assign`).
    func setText(_ target: inout String?, _ i: Int?, limit: Int = 256) {
        if let i, tape._unsafeNodes[i].kind == .string, !tape._unsafeNodes[i].escaped {
            let raw = tape._unsafeRaw(i)
            if raw.count <= limit {
                if raw.isEmpty { target = nil } else { interner.assign(raw, to: &target) }
                return
            }
        }
        target = text(i, limit: limit)
    }

    func timestamp(_ i: Int?) -> Result<Int64, MalformedKind> {
        guard let i, tape.kind(i) != .null else { return .failure(.missingTimestamp) }
        guard let ms = Timestamp.parse(tape, i) else { return .failure(.badTimestamp) }
        return .success(ms)
    }
}
