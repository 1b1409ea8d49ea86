import DistillInput
import DistillReport
import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// A progress line on stderr (compressed bytes read, records, throughput, ETA), shown
/// only when stderr is a terminal; it never reaches pipes, files or CI logs. Redrawn at
/// most 10 times a second however often the scan reports; closed by one line with the
/// elapsed time, the records and where the result went.
// SAFETY: @unchecked Sendable: `done`, `records` and `lastDraw` are read and written only under `lock`; the rest is immutable.
final class Progress: @unchecked Sendable {
    private let total: Int
    private var done = 0
    private var records = 0
    private let start = Date()
    private var lastDraw = Date.distantPast
    private let lock = NSLock()
    static let redrawInterval = 0.1

    private init(total: Int) { self.total = total }

    static func start(totalBytes: Int) -> Progress? {
        guard isatty(2) == 1 else { return nil }
        return Progress(total: max(1, totalBytes))
    }

    func add(bytes: Int, records more: Int) {
        lock.lock(); defer { lock.unlock() }
        done = min(total, done &+ bytes)
        records &+= more
        let now = Date()
        guard now.timeIntervalSince(lastDraw) >= Self.redrawInterval else { return }
        lastDraw = now
        let elapsed = max(0.001, now.timeIntervalSince(start))
        let rate = Double(done) / elapsed
        let eta = rate > 0 ? Double(total - done) / rate : 0
        let line = String(
            format: "\r\u{1B}[K%@ %.0f / %.0f MB (%d%%), %@ records, %.0f records/s, ETA %.0f s", "distillscan:",
            Double(done) / 1e6, Double(total) / 1e6, Int(Double(done) * 100 / Double(total)), NumberText.grouped(records), Double(records) / elapsed, max(0, eta))
        StandardStreams.error(line)
    }

    /// Clears the line, then (with a result) says how long it took and where it went.
    func finish(records: Int?, output: String?) {
        lock.lock(); defer { lock.unlock() }
        StandardStreams.error("\r\u{1B}[K")
        guard let records else { return }
        let elapsed = Date().timeIntervalSince(start)
        let destination = output.map { $0 == "-" ? "standard output" : SafeText.terminal($0) } ?? "standard output"
        StandardStreams.error(String(format: "distillscan: %@ records read in %.1f s; report written to %@\n", NumberText.grouped(records), elapsed, destination))
    }
}
