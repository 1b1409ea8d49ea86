import DistillDecode
import DistillSupport

extension InputSummary {
    /// The report contract's `input` section.
    package func json(includeFiles: Bool = true) -> JSONValue {
        var members: [(String, JSONValue)] = []
        if includeFiles { members.append(("files", .array(files.map(\.json)))) }
        members += [
            ("bytes", .int(bytes)),
            ("lines", .int(tally.lines)),
            ("records", .int(tally.records)),
            ("malformed", .int(tally.malformedTotal)),
            ("skipped", .int(tally.skippedTotal)),
            ("malformed_by_kind", Self.kinds(tally.malformed, tally.malformedExamples)),
            ("skipped_by_kind", Self.kinds(tally.skipped, tally.skippedExamples)),
            ("formats", .object(formats.sorted { $0.key < $1.key }.map { ($0.key.rawValue, .int($0.value)) })),
            ("first_ts", .opt(firstTimestamp.map(Timestamp.format))),
            ("last_ts", .opt(lastTimestamp.map(Timestamp.format))),
            ("complete", .bool(complete)),
        ]
        return .object(members)
    }

    static func kinds<K: RawRepresentable & Comparable>(_ counts: [K: Int], _ examples: [K: [LineLocation]]) -> JSONValue where K.RawValue == String {
        .object(
            counts.keys.sorted().map { k in
                (
                    k.rawValue,
                    .object([
                        ("count", .int(counts[k]!)),
                        ("examples", .array((examples[k] ?? []).map { .string($0.description) })),
                    ])
                )
            })
    }
}

extension InputSummary.File {
    var json: JSONValue {
        .object([
            ("path", .string(path)),
            ("compression", .string(compression.rawValue)),
            ("size_bytes", .int(sizeBytes)),
            ("sha256", .opt(sha256)),
            ("bytes", .int(bytes)),
            ("lines", .int(tally.lines)),
            ("records", .int(tally.records)),
            ("malformed", .int(tally.malformedTotal)),
            ("skipped", .int(tally.skippedTotal)),
            ("formats", .object(formats.sorted { $0.key < $1.key }.map { ($0.key.rawValue, .int($0.value)) })),
            ("first_ts", .opt(firstTimestamp.map(Timestamp.format))),
            ("last_ts", .opt(lastTimestamp.map(Timestamp.format))),
            ("error", .opt(error)),
        ])
    }
}
