import DistillDecode
import DistillInput
import DistillReport
import DistillSupport
import Foundation

/// `distillscan extract`: the raw request lines of a set of accounts, byte for byte, into
/// one gzip file, with a manifest that says for each line where it came from (source
/// file, line number) and its SHA-256, so a case file can be checked against the dump.
package struct EvidenceExtract {
    package struct Source: Sendable {
        package var path: String
        package var sha256: String?
        package var linesRead: Int
        package var linesExtracted: Int
        /// Lines over the length bound (never extracted) and decode failures.
        package var oversized: Int
        package var error: String?
    }
    package struct Line: Sendable {
        package var source: String
        package var line: Int
        package var bytes: Int
        package var sha256: String
    }

    package var members: Set<String>
    package var options: DecodeOptions
    package private(set) var sources: [Source] = []
    package private(set) var lines: [Line] = []

    package init(members: Set<String>, options: DecodeOptions) { self.members = members; self.options = options }

    /// Reads every input in order and appends each member's lines (`\n`-terminated) to
    /// `out`, a gzip stream. Lines that do not decode to a record are not extracted.
    package mutating func run(_ inputs: [InputSource], into deflater: inout GzipDeflater, output: inout [UInt8]) {
        var decoder = RecordDecoder(options: options)
        let splitter = LineSplitter(maxLineBytes: options.maxLineBytes)
        let newline: [UInt8] = [0x0A]
        for input in inputs {
            let name = input.displayName
            var src = Source(path: name, sha256: nil, linesRead: 0, linesExtracted: 0, oversized: 0, error: nil)
            do {
                let opened = try InputOpener.open(input, hash: true)
                try splitter.forEachLine(of: opened.reader) { line in
                    src.linesRead += 1
                    guard line.oversizedLength == nil else { src.oversized += 1; return }
                    var r = RequestRecord(timestamp: 0, account: "")
                    guard case .record = line.withBytes({ decoder.decode($0, into: &r) }), members.contains(r.account) else { return }
                    // SAFETY: `line._unsafeBytes` is valid only inside this `forEachLine` closure: it is compressed and hashed here and not kept; `newline` is read during its own closure.
                    deflater.deflate(line._unsafeBytes, finish: false, appendingTo: &output)
                    newline.withUnsafeBytes { deflater.deflate($0, finish: false, appendingTo: &output) }
                    lines.append(Line(source: name, line: line.number, bytes: line._unsafeBytes.count, sha256: SHA256Hex.of(line._unsafeBytes)))
                    src.linesExtracted += 1
                }
                if case .file(let path) = input { src.sha256 = opened.reader.sha256 ?? SHA256.file(path) }
            } catch {
                src.error = "\(error)"
            }
            sources.append(src)
        }
        // SAFETY: an empty view: zlib gets `avail_in = 0` and reads nothing.
        deflater.deflate(UnsafeRawBufferPointer(start: nil, count: 0), finish: true, appendingTo: &output)
    }

    /// The manifest: what was extracted, from where, for which campaign of which report.
    package func manifest(campaign: String, reportPath: String, reportSHA256: String?, output: String, outputSHA256: String) -> JSONValue {
        .object([
            ("schema_version", .int(1)),
            ("campaign", .string(campaign)),
            ("report", .object([("path", .string(reportPath)), ("sha256", .opt(reportSHA256))])),
            ("members", .array(members.sorted().map { .string($0) })),
            (
                "output",
                .object([
                    ("path", .string(output)), ("sha256", .string(outputSHA256)), ("lines", .int(lines.count)),
                    ("format", .string("gzip; each extracted line byte for byte, followed by one LF; line sha256 excludes the LF")),
                ])
            ),
            (
                "sources",
                .array(
                    sources.map { s in
                        .object([
                            ("path", .string(s.path)), ("sha256", .opt(s.sha256)), ("lines_read", .int(s.linesRead)),
                            ("lines_extracted", .int(s.linesExtracted)), ("oversized_lines", .int(s.oversized)), ("error", .opt(s.error)),
                        ])
                    })
            ),
            (
                "lines",
                .array(
                    lines.enumerated().map { i, l in
                        .object([("n", .int(i + 1)), ("source", .string(l.source)), ("line", .int(l.line)), ("bytes", .int(l.bytes)), ("sha256", .string(l.sha256))])
                    })
            ),
        ])
    }

    /// Writes the evidence file and its manifest (`OUTPUT.manifest.json`); a `CaseError`
    /// naming the path when either cannot be written.
    package static func write(_ bytes: [UInt8], manifest: (String) -> JSONValue, to path: String) throws {
        guard FileManager.default.createFile(atPath: path, contents: Data(bytes)) else {
            throw CaseError("-o \(path): cannot write the evidence file; check the directory exists and is writable")
        }
        let m = path + ".manifest.json"
        let sha = SHA256Hex.of(Data(bytes))
        guard FileManager.default.createFile(atPath: m, contents: Data((manifest(sha).render() + "\n").utf8)) else {
            throw CaseError("\(m): cannot write the manifest")
        }
    }
}
