import DistillDecode
import DistillInput
import DistillProfile
import DistillSupport

/// `distillscan templates`: streams lines (or the prompts of a log dump) through the
/// template miner, in input order.
package enum TemplateMining {
    package struct Result: Sendable {
        package var templates: [(id: Int, template: String, count: Int)]
        /// Template id of each input line (plain text input only).
        package var lines: [Int]?
        package var inputLines: Int

        package init(templates: [(id: Int, template: String, count: Int)], lines: [Int]?, inputLines: Int) {
            self.templates = templates
            self.lines = lines
            self.inputLines = inputLines
        }
    }

    /// Mutable state of one mining run (a class, so the line callback updates it in place).
    final class Run {
        var miner: TemplateMiner
        var ids: [Int] = []
        var logs: Bool
        var decided: Bool
        var decoder = RecordDecoder(options: DecodeOptions())
        var count = 0
        init(mode: String, configuration: TemplateMiner.Configuration) {
            miner = TemplateMiner(configuration: configuration)
            logs = mode == "logs"
            decided = mode != "auto"
        }

        func line(_ raw: UnsafeRawBufferPointer) {
            var bytes = raw
            // SAFETY: a slice of `raw` short of its last CR; `raw` is the splitter's line, valid during this call, and the miner copies what it keeps.
            if let last = bytes.last, last == 0x0D { bytes = UnsafeRawBufferPointer(rebasing: bytes[..<(bytes.count - 1)]) }
            if !decided, let first = bytes.first(where: { $0 != 0x20 && $0 != 0x09 }) {
                logs = first == UInt8(ascii: "{")
                decided = true
            }
            count += 1
            if logs {
                // SAFETY: `bytes` is the splitter's line (see above), valid during this call, which is as long as the span lives.
                if case .record(let r) = decoder.decode(RawSpan(_unsafeBytes: bytes)), !r.promptUTF8.isEmpty { miner.add(r.prompt) }
            } else {
                ids.append(miner.add(bytes))
            }
        }
    }

    package static func run(paths: [String], mode: String, configuration: TemplateMiner.Configuration) throws -> Result {
        let sources = try InputResolver.resolve(paths)
        let state = Run(mode: mode, configuration: configuration)
        for source in sources {
            if case .skipped = source { continue }
            let opened = try InputOpener.open(source)
            try LineSplitter().forEachLine(of: opened.reader) { line in
                if line.oversizedLength == nil { state.line(line._unsafeBytes) }
            }
        }
        let miner = state.miner
        // Merge variable-length variants; a group is shown by its most frequent member.
        let group = miner.mergedGroups()
        var counts: [Int: Int] = [:]
        var best: [Int: Int] = [:]
        for t in miner.templates {
            let g = group[t.id]
            counts[g, default: 0] += t.count
            if let b = best[g], miner.templates[b].count >= t.count { continue }
            best[g] = t.id
        }
        let ids = counts.keys.sorted()
        let renumber = Dictionary(uniqueKeysWithValues: ids.enumerated().map { ($1, $0) })
        let templates = ids.map { g in (renumber[g]!, miner.text(miner.templates[best[g]!]), counts[g]!) }
        return Result(templates: templates, lines: state.logs ? nil : state.ids.map { renumber[group[$0]]! }, inputLines: state.count)
    }
}
