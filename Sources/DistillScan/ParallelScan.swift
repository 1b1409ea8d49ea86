import DistillDecode
import DistillInput
import Dispatch
import Foundation

/// Reads inputs on `threads` workers (each file whole on one worker, largest first) and
/// returns the per-file results in input order, so merging them is deterministic.
public enum ParallelScan {
    public static func run<Sink: RecordSink>(
        _ sources: [InputSource], threads: Int, options: DecodeOptions,
        hashInputs: Bool = false, progress: (@Sendable (_ bytes: Int, _ records: Int) -> Void)? = nil,
        makeSink: @escaping @Sendable () -> Sink
    ) -> [FileScan<Sink>] {
        let results = ResultSlots<FileScan<Sink>>(count: sources.count)
        // Largest files first keeps both cores busy until the end.
        let order = sources.indices.sorted { (sources[$0].fileSize ?? .max, $1) > (sources[$1].fileSize ?? .max, $0) }
        let next = Counter()
        let workers = max(1, min(threads, sources.count))
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            while true {
                let k = next.increment()
                guard k < order.count else { return }
                let i = order[k]
                let scan = FileScan.run(sources[i], options: options, sink: makeSink(), hashInput: hashInputs)
                results.set(i, scan)
                progress?(scan.rawBytes, scan.tally.records)
            }
        }
        return results.values()
    }
}

/// Slots written by worker threads, read once they have all finished.
final class ResultSlots<T>: @unchecked Sendable {
    private var slots: [T?]
    private let lock = NSLock()
    init(count: Int) { slots = Array(repeating: nil, count: count) }
    func set(_ i: Int, _ v: T) { lock.lock(); slots[i] = v; lock.unlock() }
    func values() -> [T] { lock.lock(); defer { lock.unlock() }; return slots.map { $0! } }
}

/// A shared counter handing out work items.
final class Counter: @unchecked Sendable {
    private var value = 0
    private let lock = NSLock()
    func increment() -> Int { lock.lock(); defer { lock.unlock() }; let v = value; value += 1; return v }
}
