import DistillInput
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A progress line on stderr (bytes read, throughput, ETA), shown only when stderr is a
/// terminal; it never reaches pipes, files or CI logs.
final class Progress: @unchecked Sendable {
    private let total: Int
    private var done = 0
    private var records = 0
    private let start = Date()
    private let lock = NSLock()

    private init(total: Int) { self.total = total }

    static func start(totalBytes: Int) -> Progress? {
        guard isatty(2) == 1 else { return nil }
        return Progress(total: max(1, totalBytes))
    }

    func add(bytes: Int, records more: Int) {
        lock.lock(); defer { lock.unlock() }
        done += bytes
        records += more
        let elapsed = max(0.001, Date().timeIntervalSince(start))
        let rate = Double(done) / elapsed
        let eta = rate > 0 ? Double(total - done) / rate : 0
        let line = String(format: "\r%@ %.0f / %.0f MB, %.0f records/s, ETA %.0f s ", "distillscan:", Double(done) / 1e6, Double(total) / 1e6, Double(records) / elapsed, max(0, eta))
        StandardStreams.error(line)
    }

    func finish() { StandardStreams.error("\r\u{1B}[K") }
}
