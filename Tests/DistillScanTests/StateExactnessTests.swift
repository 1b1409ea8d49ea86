import DistillInput
import DistillReport
import Foundation
import Testing

@testable import DistillScan

/// Profile shards + merge + analyze give the single-process report byte for byte, for any
/// shard count and merge order (issue 15).
@Suite("state files: exactness")
struct StateExactnessTests {
    static let inputs = ["demo", "hostile"].map { Fixture.path("Fixtures/\($0)/logs") }

    /// Every input's state, written and read back (so the codec is in the loop).
    static func perFileStates(_ config: AnalysisConfiguration) throws -> [StateFile] {
        try config.input.sources.map { source in
            var one = config
            one.input.sources = [source]
            return try StateFile.parse(Profiling.run(one).serialized(), name: source.displayName)
        }
    }

    static func merged(_ states: [StateFile], order: [Int]) throws -> StateFile {
        var notes: [String] = []
        var acc: NamedState?
        for i in order {
            let next = NamedState(name: "s\(i)", state: states[i])
            acc = try acc.map { a throws(StateFileError) in try StateMerge.merge(a, next, threads: 2, notes: &notes) } ?? next
        }
        #expect(notes.isEmpty)
        return try StateFile.parse(acc!.state.serialized(), name: "merged")
    }

    /// Pairs merged level by level (a tree), starting from `states` in the order given.
    static func tree(_ states: [StateFile]) throws -> StateFile {
        var level = states
        while level.count > 1 {
            var next: [StateFile] = []
            for i in stride(from: 0, to: level.count, by: 2) {
                next.append(i + 1 < level.count ? try merged([level[i], level[i + 1]], order: [1, 0]) : level[i])
            }
            level = next
        }
        return level[0]
    }

    /// 9 shards of 7 inputs: two shards are empty.
    @Test func shardsMergedInAnyOrderGiveTheSingleProcessReportByteForByte() throws {
        let config = try Fixture.config("demo", threads: 2, paths: Self.inputs)
        #expect(config.input.sources.count == 7)
        let single = Analysis.run(config)
        let expected = (ReportWriter.render(single, format: .json), ReportWriter.render(single, format: .markdown))
        #expect(!single.campaigns.isEmpty && !single.input.complete)
        let files = try Self.perFileStates(config)
        var reference: [UInt8]?
        for n in [1, 2, 3, 7, 9] {
            // Shard k's state: the files ShardSelection gives it, merged.
            let shards = try (1...n).map { k in
                let mine = Set(ShardSelection(index: k, count: n).pick(config.input.sources))
                let indices = config.input.sources.indices.filter { mine.contains(config.input.sources[$0]) }
                guard !indices.isEmpty else {
                    // More shards than inputs: this shard profiles nothing.
                    var none = config
                    none.input.sources = []
                    return try StateFile.parse(Profiling.run(none).serialized(), name: "empty shard")
                }
                return try Self.merged(indices.map { files[$0] }, order: Array(indices.indices))
            }
            // Every shard count and merge order gives the same bytes, so one analysis covers them all.
            for state in [
                try Self.merged(shards, order: Array(shards.indices)), try Self.merged(shards, order: shards.indices.reversed()),
                try Self.tree(shards.reversed()),
            ] {
                let bytes = state.serialized()
                if reference == nil { reference = bytes }
                #expect(bytes == reference, "\(n) shards")
            }
        }
        let report = try Analysis.run(state: StateFile.parse(reference!, name: "merged"), config: config)
        #expect(ReportWriter.render(report, format: .json) == expected.0)
        #expect(ReportWriter.render(report, format: .markdown) == expected.1)
    }

    @Test func everyInputFallsInExactlyOneShardWhateverTheCount() throws {
        let sources = try Fixture.config("demo", paths: Self.inputs).input.sources
        for n in 1...12 {
            let picked = (1...n).flatMap { ShardSelection(index: $0, count: n).pick(sources) }
            #expect(picked.sorted() == sources.sorted(), "\(n) shards")
        }
        #expect(ShardSelection("3/8") == ShardSelection(index: 3, count: 8))
        for bad in ["0/3", "4/3", "3", "a/b", "1/0", "-1/2", "1/2/3"] { #expect(ShardSelection(bad) == nil, "\(bad)") }
    }
}
