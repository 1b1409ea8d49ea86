import DistillDecode
import DistillInput
import Dispatch
import Foundation

/// What reading every input produced: per-file accounting in input order, and one sink
/// holding every record.
public struct ScanResult<Sink: RecordSink>: Sendable {
    public var files: [FileScan]
    public var sink: Sink
}

/// Reads inputs on `threads` workers (each file whole on one worker, largest first).
/// Each worker feeds one sink and the workers' sinks are merged at the end: a sink's
/// state does not depend on how records were split among sinks (`RecordSink`), so the
/// result does not depend on which worker read which file.
public enum ParallelScan {
    public static func run<Sink: RecordSink>(
        _ sources: [InputSource], threads: Int, options: DecodeOptions,
        hashInputs: Bool = false, progress: (@Sendable (_ bytes: Int, _ records: Int) -> Void)? = nil,
        makeSink: @escaping @Sendable () -> Sink
    ) -> ScanResult<Sink> {
        let results = ResultSlots<FileScan>(count: sources.count)
        // Largest files first keeps both cores busy until the end.
        let order = sources.indices.sorted { (sources[$0].fileSize ?? .max, $1) > (sources[$1].fileSize ?? .max, $0) }
        let next = Counter()
        let workers = max(1, min(threads, sources.count))
        let sinks = ResultSlots<Sink>(count: workers)
        DispatchQueue.concurrentPerform(iterations: workers) { w in
            var sink = makeSink()
            while true {
                let k = next.increment()
                guard k < order.count else { break }
                let i = order[k]
                let scan = FileScan.run(sources[i], options: options, sink: &sink, hashInput: hashInputs)
                results.set(i, scan)
                progress?(scan.rawBytes, scan.tally.records)
            }
            sinks.set(w, sink)
        }
        var all = sinks.values()
        var sink = all.removeFirst()
        for other in all { sink.merge(other) }
        return ScanResult(files: results.values(), sink: sink)
    }
}

/// A shared counter handing out work items.
final class Counter: @unchecked Sendable {
    private var value = 0
    private let lock = NSLock()
    func increment() -> Int { lock.lock(); defer { lock.unlock() }; let v = value; value += 1; return v }
}
