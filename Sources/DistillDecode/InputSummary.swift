import DistillInput

/// The `input` section of every report: what was read, file by file and in total,
/// accounting for every line (`lines = records + malformed + skipped`).
package struct InputSummary: Sendable {
    /// One input file.
    package struct File: Sendable {
        package var path: String
        package var compression: Compression
        package var sizeBytes: Int
        package var bytes: Int
        package var tally: LineTally
        package var formats: [LogFormat: Int]
        package var firstTimestamp: Int64?
        package var lastTimestamp: Int64?
        /// Why the file was not read to its end, if it was not.
        package var error: String?
        /// SHA-256 of the file's bytes on disk (chain of custody); nil for stdin.
        package var sha256: String?
        /// Data was lost (unreadable, truncated or corrupt), as opposed to a warning.
        package var lostData: Bool = false

        package init(
            path: String, compression: Compression, sizeBytes: Int, bytes: Int, tally: LineTally,
            formats: [LogFormat: Int], firstTimestamp: Int64?, lastTimestamp: Int64?, error: String?, sha256: String?
        ) {
            self.path = path; self.compression = compression; self.sizeBytes = sizeBytes; self.bytes = bytes
            self.tally = tally; self.formats = formats; self.firstTimestamp = firstTimestamp
            self.lastTimestamp = lastTimestamp; self.error = error; self.sha256 = sha256
        }
    }

    package var files: [File] = []
    package var tally = LineTally()
    package var bytes = 0
    package var firstTimestamp: Int64?
    package var lastTimestamp: Int64?

    /// True when every input was read to its end.
    package var complete: Bool { !lostData }
    package var formats: [LogFormat: Int] { files.reduce(into: [:]) { $0.merge($1.formats, uniquingKeysWith: +) } }

    package init() {}

    /// Files whose data was lost (exit code 3).
    package var lostData: Bool { files.contains(where: \.lostData) }
}
