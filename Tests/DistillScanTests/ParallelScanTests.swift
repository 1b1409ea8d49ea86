import DistillDecode
import Synchronization
import Testing

@testable import DistillScan

@Suite("parallel scan")
struct ParallelScanTests {
    /// Every record as text, with how often it occurs (records arrive in any order).
    static func multiset(_ records: [RequestRecord]) -> [String: Int] {
        records.reduce(into: [:]) { $0["\($1)", default: 0] += 1 }
    }

    /// Small blocks on several workers, with many over-long lines breaking blocks apart
    /// and dirty lines among them: every line is accounted for, at the right line number,
    /// exactly as one sequential pass per file does.
    /// Lines decoded where they were read, then (from line 37, or from the start) in
    /// blocks, or as the scan decides: the same accounting either way.
    @Test(arguments: [2, 3], [ParallelScan.Sharing.fromLine(1), .fromLine(37), .whenAWorkerWaits])
    func blocksOnWorkersAccountForEveryLineLikeOneSequentialPass(_ threads: Int, _ sharing: ParallelScan.Sharing) throws {
        let config = try Fixture.config("demo", threads: threads)
        var options = config.input.decode
        options.maxLineBytes = 700
        var sequential = RecordCollector()
        let expected = config.input.sources.map { FileScan.run($0, options: options, sink: &sequential) }
        let parallel = ParallelScan.run(config.input.sources, threads: threads, options: options, blockBytes: 4096, sharing: sharing) { RecordCollector() }
        #expect(parallel.files.count == expected.count)
        #expect(expected.contains { $0.tally.malformed[.lineTooLong, default: 0] > 100 })
        for (p, e) in zip(parallel.files, expected) {
            #expect(p.tally == e.tally, "\(e.source.displayName)")
            #expect(p.bytes == e.bytes && p.rawBytes == e.rawBytes && p.formats == e.formats)
            #expect(p.firstTimestamp == e.firstTimestamp && p.lastTimestamp == e.lastTimestamp)
            #expect(p.compression == e.compression && p.error == nil && e.error == nil)
        }
        #expect(Self.multiset(parallel.sink.records) == Self.multiset(sequential.records))
    }

    /// A reader whose hand-off finds the queue long decodes the block it gets back, which
    /// may be another input's: its lines count for that input.
    @Test func aBlockOfAnotherInputDecodedByAReaderCountsForThatInput() throws {
        let config = try Fixture.config("demo", threads: 1)
        let sources = Array(config.input.sources.prefix(2))
        try #require(sources.count == 2)
        var lines: [[UInt8]] = []
        _ = FileScan.read(sources[1], options: config.input.decode, hashInput: false) { line in
            if lines.count < 5 { line.withBytes { span in span.withUnsafeBytes { lines.append(Array($0)) } } }
        }
        try #require(lines.count == 5)
        func block(of file: Int, first: Int, _ count: Int) -> LineBlock {
            var b = LineBlock(file: file, firstLine: first, targetBytes: 1 << 20)
            for l in lines.prefix(count) { b.append(l.span.bytes) }
            return b
        }
        // One worker: two blocks may wait; the third hand-off gives the oldest back.
        let work = ScanWork(files: sources.map { FileScan(source: $0) }, order: [0, 1], workers: 1)
        #expect(work.handOn(block(of: 1, first: 1, 3)) == nil)
        #expect(work.handOn(block(of: 1, first: 4, 2)) == nil)
        let back = try #require(work.handOn(block(of: 0, first: 1, 1)))
        #expect(back.file == 1 && back.firstLine == 1 && back.ends.count == 3)
        var decoder = RecordDecoder(options: config.input.decode)
        var record = RequestRecord(timestamp: 0, account: "")
        var sink = RecordCollector()
        let reported = Mutex(0)
        ParallelScan.decode(back, sources, work, { _, records in reported.withLock { $0 += records } }, &decoder, &record, &sink)
        #expect(work.files[1].tally.lines == 3 && work.files[0].tally.lines == 0)
        #expect(sink.records.count == work.files[1].tally.records && reported.withLock { $0 } == sink.records.count)
    }
}
