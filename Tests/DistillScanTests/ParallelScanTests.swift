import DistillDecode
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
    @Test(arguments: [1, 3], [Sharing.fromLine(1), .fromLine(37), .whenAWorkerWaits])
    func blocksOnWorkersAccountForEveryLineLikeOneSequentialPass(_ threads: Int, _ sharing: Sharing) throws {
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
}
