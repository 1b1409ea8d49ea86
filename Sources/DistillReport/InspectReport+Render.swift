import DistillDecode
import DistillProfile
import DistillScan
import DistillSupport

extension InspectReport {
    package func json() -> JSONValue {
        .object([
            ("schema_version", .int(1)),
            ("input", input.json()),
            ("accounts", .int(sink.requestsByAccount.count)),
            ("models", .int(sink.requestsByModel.count)),
            ("failed_requests", .int(sink.failed)),
            ("top_accounts", .array(InspectSink.top(sink.requestsByAccount, top).map { .object([("account", .string($0.0)), ("requests", .int($0.1))]) })),
            ("top_models", .array(InspectSink.top(sink.requestsByModel, top).map { .object([("model", .string($0.0)), ("requests", .int($0.1))]) })),
        ])
    }

    package func markdown() -> String {
        var o = "# distillscan inspect\n\n"
        let t = input.tally
        o += "| | |\n|---|---|\n"
        o += "| files | \(input.files.count) |\n"
        o += "| bytes (decompressed) | \(input.bytes) |\n"
        o += "| lines | \(t.lines) |\n| records | \(t.records) |\n| malformed | \(t.malformedTotal) |\n| skipped | \(t.skippedTotal) |\n"
        o += "| time range | \(input.firstTimestamp.map(Timestamp.format) ?? "–") → \(input.lastTimestamp.map(Timestamp.format) ?? "–") |\n"
        o += "| accounts | \(sink.requestsByAccount.count) |\n| models | \(sink.requestsByModel.count) |\n"
        o += "| failed requests | \(sink.failed) |\n| complete | \(input.complete ? "yes" : "**no**") |\n\n"
        o += "## Files\n\n| file | compression | formats | bytes | lines | records | malformed | skipped | problem |\n|---|---|---|---:|---:|---:|---:|---:|---|\n"
        for f in input.files {
            let formats = f.formats.sorted { $0.key < $1.key }.map { "\($0.key.rawValue) \($0.value)" }.joined(separator: ", ")
            o +=
                "| \(SafeText.markdown(f.path, limit: 120)) | \(f.compression.rawValue) | \(formats.isEmpty ? "–" : formats) | \(f.bytes) | \(f.tally.lines) | \(f.tally.records) | \(f.tally.malformedTotal) | \(f.tally.skippedTotal) | \(f.error.map { SafeText.markdown($0, limit: 200) } ?? "") |\n"
        }
        o += Self.rejections(input.tally)
        o += "\n## Top accounts\n\n| account | requests |\n|---|---:|\n"
        for (a, n) in InspectSink.top(sink.requestsByAccount, top) { o += "| \(SafeText.id(a)) | \(n) |\n" }
        o += "\n## Top models\n\n| model | requests |\n|---|---:|\n"
        for (m, n) in InspectSink.top(sink.requestsByModel, top) { o += "| \(SafeText.id(m)) | \(n) |\n" }
        return o
    }

    /// Malformed and skipped lines by kind with their first locations.
    package static func rejections(_ t: LineTally) -> String {
        guard t.malformedTotal + t.skippedTotal > 0 else { return "" }
        var o = "\n## Rejected lines\n\n| kind | lines | first examples |\n|---|---:|---|\n"
        for k in t.malformed.keys.sorted() {
            o += "| malformed: \(k.rawValue) | \(t.malformed[k]!) | \((t.malformedExamples[k] ?? []).map { SafeText.markdown($0.description, limit: 200) }.joined(separator: ", ")) |\n"
        }
        for k in t.skipped.keys.sorted() {
            o += "| skipped: \(k.rawValue) | \(t.skipped[k]!) | \((t.skippedExamples[k] ?? []).map { SafeText.markdown($0.description, limit: 200) }.joined(separator: ", ")) |\n"
        }
        return o
    }
}
