/// Why a line was rejected as malformed. Raw values appear in reports.
package enum MalformedKind: String, Error, Sendable, Codable, CaseIterable, Comparable {
    /// Not valid JSON (`{"a":`).
    case invalidJSON = "invalid_json"
    /// Bytes that are not UTF-8 inside a string.
    case invalidUTF8 = "invalid_utf8"
    /// A raw NUL byte in the line.
    case nulByte = "nul_byte"
    /// Nesting deeper than `max_depth`.
    case tooDeep = "too_deep"
    /// Longer than `max_line_bytes`.
    case lineTooLong = "line_too_long"
    /// Valid JSON, but not an object (`[1,2]`, `"text"`).
    case notObject = "not_object"
    /// No account / user / caller field.
    case missingAccount = "missing_account"
    /// No timestamp field.
    case missingTimestamp = "missing_timestamp"
    /// A timestamp that cannot be read (`"yesterday"`, `1e999`).
    case badTimestamp = "bad_timestamp"
    /// A required field of the wrong type (`"account_id": {…}`).
    case wrongType = "wrong_type"

    package static func < (a: Self, b: Self) -> Bool { a.rawValue < b.rawValue }
}

/// Why a line was skipped without being an error.
package enum SkippedKind: String, Sendable, Codable, CaseIterable, Comparable {
    /// Empty or whitespace-only.
    case blank
    /// Outside `--since`/`--until`.
    case outsideTimeRange = "outside_time_range"

    package static func < (a: Self, b: Self) -> Bool { a.rawValue < b.rawValue }
}

/// What became of one line decoded in place (`RecordDecoder.decode(_:into:)`).
package enum LineStatus {
    case record
    case malformed(MalformedKind)
    case skipped(SkippedKind)
}

/// What became of one line.
package enum DecodeOutcome {
    case record(RequestRecord)
    case malformed(MalformedKind)
    case skipped(SkippedKind)
}
