import DistillInput

/// The `input` section of every report: what was read, file by file and in total,
/// accounting for every line (`lines = records + malformed + skipped`).
public struct InputSummary: Sendable {
    /// One input file.
    public struct File: Sendable {
        public var path: String
        public var compression: Compression
        public var sizeBytes: Int
        public var bytes: Int
        public var tally: LineTally
        public var formats: [LogFormat: Int]
        public var firstTimestamp: Int64?
        public var lastTimestamp: Int64?
        /// Why the file was not read to its end, if it was not.
        public var error: String?
        /// SHA-256 of the file's bytes on disk (chain of custody); nil for stdin.
        public var sha256: String?
        /// Data was lost (unreadable, truncated or corrupt), as opposed to a warning.
        public var lostData: Bool = false

        public init(path: String, compression: Compression, sizeBytes: Int, bytes: Int, tally: LineTally,
                    formats: [LogFormat: Int], firstTimestamp: Int64?, lastTimestamp: Int64?, error: String?, sha256: String?) {
            self.path = path; self.compression = compression; self.sizeBytes = sizeBytes; self.bytes = bytes
            self.tally = tally; self.formats = formats; self.firstTimestamp = firstTimestamp
            self.lastTimestamp = lastTimestamp; self.error = error; self.sha256 = sha256
        }
    }

    public var files: [File] = []
    public var tally = LineTally()
    public var bytes = 0
    public var firstTimestamp: Int64?
    public var lastTimestamp: Int64?

    /// True when every input was read to its end.
    public var complete: Bool { !lostData }
    public var formats: [LogFormat: Int] { files.reduce(into: [:]) { $0.merge($1.formats, uniquingKeysWith: +) } }

    public init() {}

    /// Files whose data was lost (exit code 3).
    public var lostData: Bool { files.contains(where: \.lostData) }
}
