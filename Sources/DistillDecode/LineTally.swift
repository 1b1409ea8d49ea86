/// Where a rejected line was: `file:line`.
package struct LineLocation: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    package var file: String
    package var line: Int
    package init(file: String, line: Int) { self.file = file; self.line = line }
    package var description: String { "\(file):\(line)" }
    package static func < (a: Self, b: Self) -> Bool { (a.file, a.line) < (b.file, b.line) }
}

/// The fate of every line read: records, malformed lines by kind, skipped lines by kind,
/// with the first few locations of each kind. Mergeable: merging tallies of parts gives
/// the tally of the whole.
package struct LineTally: Sendable, Equatable {
    /// How many example locations are kept per kind.
    package static let examplesPerKind = 3

    package var lines = 0
    package var records = 0
    package var malformed: [MalformedKind: Int] = [:]
    package var skipped: [SkippedKind: Int] = [:]
    package var malformedExamples: [MalformedKind: [LineLocation]] = [:]
    package var skippedExamples: [SkippedKind: [LineLocation]] = [:]

    package init() {}

    package var malformedTotal: Int { malformed.values.reduce(0, +) }
    package var skippedTotal: Int { skipped.values.reduce(0, +) }

    package mutating func countRecord() { lines += 1; records += 1 }

    package mutating func count(_ kind: MalformedKind, at loc: @autoclosure () -> LineLocation) {
        lines += 1
        malformed[kind, default: 0] += 1
        if malformedExamples[kind, default: []].count < Self.examplesPerKind { malformedExamples[kind, default: []].append(loc()) }
    }

    package mutating func count(_ kind: SkippedKind, at loc: @autoclosure () -> LineLocation) {
        lines += 1
        skipped[kind, default: 0] += 1
        if skippedExamples[kind, default: []].count < Self.examplesPerKind { skippedExamples[kind, default: []].append(loc()) }
    }

    package mutating func merge(_ o: LineTally) {
        lines += o.lines
        records += o.records
        malformed.merge(o.malformed, uniquingKeysWith: +)
        skipped.merge(o.skipped, uniquingKeysWith: +)
        for (k, v) in o.malformedExamples { malformedExamples[k] = Array((malformedExamples[k, default: []] + v).sorted().prefix(Self.examplesPerKind)) }
        for (k, v) in o.skippedExamples { skippedExamples[k] = Array((skippedExamples[k, default: []] + v).sorted().prefix(Self.examplesPerKind)) }
    }
}
