import DistillDecode
import DistillInput
import Foundation

/// Validated input settings shared by every subcommand that reads logs.
package struct InputConfiguration: Sendable {
    package var sources: [InputSource]
    package var decode: DecodeOptions
    package var threads: Int

    package init(sources: [InputSource], decode: DecodeOptions = DecodeOptions(), threads: Int = 1) {
        self.sources = sources
        self.decode = decode
        self.threads = threads
    }

    /// A configuration problem: the message says what to change (exit code 2).
    package struct Invalid: Error, CustomStringConvertible {
        package var description: String
        package init(_ d: String) { description = d }
    }

    /// Validates raw command-line values.
    package static func validate(
        paths: [String], inputFormat: String?, schemaFile: String?, threads: Int?,
        since: String?, until: String?, maxLineBytes: Int?, maxDepth: Int?
    ) throws -> InputConfiguration {
        guard !paths.isEmpty else { throw Invalid("give at least one input: files, directories, globs, or - for stdin") }
        var decode = DecodeOptions()
        if let f = inputFormat, f != "auto" {
            guard let fmt = LogFormat(rawValue: f) else {
                throw Invalid("--input-format \(f): expected auto, \(LogFormat.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            decode.format = fmt
        }
        if let s = schemaFile {
            guard let data = FileManager.default.contents(atPath: s) else { throw Invalid("--schema \(s): cannot read the file") }
            do { decode.schema = try SchemaMapping(json: [UInt8](data), file: s) } catch { throw Invalid(error.description) }
            if decode.format == nil { decode.format = .mapped }
        }
        if let s = since {
            guard let ms = parseTime(s) else { throw Invalid("--since \(s): expected RFC 3339 (2026-06-01T00:00:00Z), a date (2026-06-01) or epoch seconds") }
            decode.since = ms
        }
        if let u = until {
            guard let ms = parseTime(u) else { throw Invalid("--until \(u): expected RFC 3339 (2026-06-01T00:00:00Z), a date (2026-06-01) or epoch seconds") }
            decode.until = ms
        }
        if let a = decode.since, let b = decode.until, a >= b { throw Invalid("--since must be before --until") }
        if let m = maxLineBytes {
            guard m >= 1024 else { throw Invalid("--max-line-bytes must be at least 1024") }
            // The JSON tape addresses a line with 32-bit offsets.
            guard m <= JSONTape.maxDocumentBytes else {
                throw Invalid("--max-line-bytes \(m): at most \(JSONTape.maxDocumentBytes) (2 GiB - 1, what the JSON parser can address); lines longer than that are counted as line_too_long")
            }
            decode.maxLineBytes = m
        }
        if let d = maxDepth {
            guard (2...10_000).contains(d) else { throw Invalid("--max-depth must be between 2 and 10000") }
            decode.maxDepth = d
        }
        let cores = ProcessInfo.processInfo.activeProcessorCount
        let t = threads ?? cores
        guard t >= 1 && t <= 1024 else { throw Invalid("--threads must be between 1 and 1024") }
        let sources: [InputSource]
        do { sources = try InputResolver.resolve(paths) } catch { throw Invalid(error.description) }
        guard !sources.isEmpty else { throw Invalid("no input files found in \(paths.joined(separator: " ")) (directories are searched for *.jsonl, *.json, *.ndjson, *.log, optionally .gz)") }
        return InputConfiguration(sources: sources, decode: decode, threads: t)
    }

    static func parseTime(_ s: String) -> Int64? {
        if let v = Double(s) { return Timestamp.fromEpoch(v) }
        return Timestamp.parseRFC3339(Array(s.utf8))
    }
}
