import DistillDecode
import DistillInput

extension InputSummary {
    /// The summary of per-file scans (in input order).
    package init(_ scans: [FileScan]) {
        var s = InputSummary()
        for scan in scans {
            s.files.append(
                File(
                    path: scan.source.displayName, compression: scan.compression,
                    sizeBytes: scan.source.fileSize ?? scan.rawBytes, bytes: scan.bytes, tally: scan.tally,
                    formats: scan.formats, firstTimestamp: scan.firstTimestamp, lastTimestamp: scan.lastTimestamp,
                    error: scan.error.map { $0.losesData ? $0.description : $0.description + " (warning)" },
                    sha256: scan.sha256))
            s.files[s.files.count - 1].lostData = scan.error?.losesData ?? false
            s.tally.merge(scan.tally)
            s.bytes += scan.bytes
            if let f = scan.firstTimestamp { s.firstTimestamp = min(s.firstTimestamp ?? f, f) }
            if let l = scan.lastTimestamp { s.lastTimestamp = max(s.lastTimestamp ?? l, l) }
        }
        self = s
    }

}
