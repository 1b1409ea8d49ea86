import Dispatch
import DistillDecode
import DistillInput
import DistillSupport
import Foundation
import Synchronization

/// What reading every input produced: per-file accounting in input order, and one sink
/// holding every record.
package struct ScanResult<Sink: RecordSink>: Sendable {
    package var files: [FileScan]
    package var sink: Sink
}

/// Reads inputs on `threads` workers. A worker with nothing to decode claims the next
/// input (largest first) and reads it, decoding its lines where they were inflated. Once
/// another worker waits for work, the reader hands the rest of its input on in blocks,
/// which every worker decodes. So the last large file, or a single huge one, is decoded
/// by all workers, not by the one that happens to read it, and the lines of the inputs
/// read side by side are never copied.
///
/// Each worker feeds one sink and the workers' sinks are merged at the end: a sink's
/// state does not depend on how records were split among sinks (`RecordSink`), and the
/// per-file accounting merges exactly, so nothing depends on scheduling.
package enum ParallelScan {
    /// When a reader starts handing its input's lines on in blocks (for the rest of it).
    package enum Sharing: Sendable {
        /// Once another worker waits for work (`run`'s default).
        case whenAWorkerWaits
        /// From this line number on, whoever waits (tests: both paths within one input).
        case fromLine(Int)

        func shares(_ line: Int, someoneWaits: @autoclosure () -> Bool) -> Bool {
            switch self {
            case .whenAWorkerWaits: return someoneWaits()
            case .fromLine(let first): return line >= first
            }
        }
    }

    package static func run<Sink: RecordSink>(
        _ sources: [InputSource], threads: Int, options: DecodeOptions,
        hashInputs: Bool = false, progress: (@Sendable (_ bytes: Int, _ records: Int) -> Void)? = nil,
        blockBytes: Int = 1 << 20, sharing: Sharing = .whenAWorkerWaits, makeSink: @escaping @Sendable () -> Sink
    ) -> ScanResult<Sink> {
        // Largest files first keeps every worker busy until the end.
        let order = sources.indices.sorted { (sources[$0].fileSize ?? .max, $1) > (sources[$1].fileSize ?? .max, $0) }
        let workers = max(1, threads)
        if workers == 1 {
            // Nobody to hand lines to: decode them where they are read.
            var sink = makeSink()
            let files = sources.map { source in
                let scan = FileScan.run(source, options: options, sink: &sink, hashInput: hashInputs, onRawBytes: progress.map { p in { p($0, 0) } })
                progress?(0, scan.tally.records)
                return scan
            }
            return ScanResult(files: files, sink: sink)
        }
        let work = ScanWork(files: sources.map { FileScan(source: $0) }, order: order, workers: workers)
        let sinks = ResultSlots<Sink>(count: workers)
        DispatchQueue.concurrentPerform(iterations: workers) { w in
            var sink = makeSink()
            var decoder = RecordDecoder(options: options)
            var record = RequestRecord(timestamp: 0, account: "")
            // No local function captures `sink`, `decoder`, `record` or `block`: a variable
            // captured by one is accessed with a dynamic exclusivity check (per line here).
            while let task = work.next() {
                switch task {
                case .decode(let block):
                    decode(block, sources, work, progress, &decoder, &record, &sink)
                case .read(let file):
                    // Lines decoded where they were read, until a worker waits for work;
                    // from then on the input is shared (a copy per line, ~2 % of the CPU).
                    // The block's room is reserved only then: most inputs are never shared.
                    var block = LineBlock(file: file, firstLine: 1, targetBytes: blockBytes, reserving: false)
                    var inPlace = FileScan(source: sources[file])
                    var handingOn = false
                    var told = 0
                    let scan = FileScan.read(sources[file], options: options, hashInput: hashInputs, onRawBytes: progress.map { p in { p($0, 0) } }) { line in
                        if !handingOn {
                            if !sharing.shares(line.number, someoneWaits: work.someoneWaits) {
                                line.withBytes { inPlace.decode($0, number: line.number, with: &decoder, record: &record, into: &sink) }
                                // The records counted as the bytes are (`FileScan.read`), not per input.
                                if line.number & 4095 == 0, let p = progress {
                                    p(0, inPlace.tally.records - told)
                                    told = inPlace.tally.records
                                }
                                return
                            }
                            handingOn = true
                            block = LineBlock(file: file, firstLine: 1, targetBytes: blockBytes)
                        }
                        // A block holds consecutive lines (an over-long line, counted by the reader,
                        // ends one). A block handed on may come back when the queue is long: it
                        // is decoded here (bounds memory).
                        if !block.ends.isEmpty && line.number != block.firstLine + block.ends.count {
                            if let waiting = work.handOn(block) { decode(waiting, sources, work, progress, &decoder, &record, &sink) }
                            block = LineBlock(file: file, firstLine: 1, targetBytes: blockBytes)
                        }
                        if block.ends.isEmpty { block.firstLine = line.number }
                        line.withBytes { block.append($0) }
                        if block.isFull {
                            if let waiting = work.handOn(block) { decode(waiting, sources, work, progress, &decoder, &record, &sink) }
                            block = LineBlock(file: file, firstLine: 1, targetBytes: blockBytes)
                        }
                    }
                    if !block.ends.isEmpty, let waiting = work.handOn(block) { decode(waiting, sources, work, progress, &decoder, &record, &sink) }
                    work.finished(inPlace, of: file)
                    progress?(0, inPlace.tally.records - told)
                    work.finishedReading(scan, of: file)
                }
            }
            sinks.set(w, sink)
        }
        return ScanResult(files: work.files, sink: Sink.merging(sinks.takeValues(), threads: workers))
    }

    /// Decodes a block of any input and adds its accounting to that input's.
    static func decode<Sink: RecordSink>(
        _ block: LineBlock, _ sources: [InputSource], _ work: ScanWork, _ progress: (@Sendable (Int, Int) -> Void)?,
        _ decoder: inout RecordDecoder, _ record: inout RequestRecord, _ sink: inout Sink
    ) {
        let part = block.decode(source: sources[block.file], with: &decoder, record: &record, into: &sink)
        work.finished(part, of: block.file)
        progress?(0, part.tally.records)
    }
}

/// The shared state of a scan: inputs not yet claimed, blocks waiting to be decoded, and
/// each input's accounting as its parts finish.
// SAFETY: @unchecked Sendable: every `var` is read and written only under `condition`'s lock; `order` and `queueLimit` are immutable.
final class ScanWork: @unchecked Sendable {
    enum Task { case read(Int), decode(LineBlock) }

    private let condition = NSCondition()
    /// Workers blocked in `next` (read without the lock, as a hint to readers).
    private let waiting = Atomic<Int>(0)
    private var accounting: [FileScan]
    private let order: [Int]
    private var nextFile = 0
    private var readers = 0
    /// Waiting blocks from `head` on; a taken slot is emptied at once so its bytes are freed.
    private var queue: [LineBlock?] = []
    private var head = 0
    /// Blocks allowed to wait before a reader decodes one itself.
    private let queueLimit: Int

    init(files: [FileScan], order: [Int], workers: Int) {
        accounting = files
        self.order = order
        queueLimit = 2 * workers
    }

    /// Whether a worker waits for a block: a reader then shares its input.
    var someoneWaits: Bool { waiting.load(ordering: .relaxed) > 0 }

    /// Every input's accounting (call once every worker is done).
    var files: [FileScan] { condition.lock(); defer { condition.unlock() }; return accounting }

    /// A block to decode, else an input to read; nil when everything is read and decoded.
    func next() -> Task? {
        condition.lock(); defer { condition.unlock() }
        while true {
            if let block = popLocked() { return .decode(block) }
            if nextFile < order.count {
                nextFile += 1
                readers += 1
                return .read(order[nextFile - 1])
            }
            if readers == 0 { return nil }
            waiting.add(1, ordering: .relaxed)
            condition.wait()
            waiting.subtract(1, ordering: .relaxed)
        }
    }

    /// Queues a block; returns one for the caller to decode when too many are waiting.
    func handOn(_ block: LineBlock) -> LineBlock? {
        condition.lock(); defer { condition.unlock() }
        queue.append(block)
        condition.signal()
        return queue.count - head > queueLimit ? popLocked() : nil
    }

    func finished(_ part: FileScan, of file: Int) {
        condition.lock(); defer { condition.unlock() }
        accounting[file].absorb(part)
    }

    /// The reader's side of an input (compression, bytes read, over-long lines, errors, hash).
    func finishedReading(_ scan: FileScan, of file: Int) {
        condition.lock(); defer { condition.unlock() }
        var whole = scan
        whole.absorb(accounting[file])
        accounting[file] = whole
        readers -= 1
        condition.broadcast()
    }

    private func popLocked() -> LineBlock? {
        guard head < queue.count else { return nil }
        let block = queue[head]
        queue[head] = nil
        head += 1
        if head == queue.count { queue.removeAll(keepingCapacity: true); head = 0 }
        return block
    }
}
