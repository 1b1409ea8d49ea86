/// Where a rejected line was: `file:line`.
public struct LineLocation: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public init(file: String, line: Int) { self.file = file; self.line = line }
    public var description: String { "\(file):\(line)" }
    public static func < (a: Self, b: Self) -> Bool { (a.file, a.line) < (b.file, b.line) }
}

/// The fate of every line read: records, malformed lines by kind, skipped lines by kind,
/// with the first few locations of each kind. Mergeable: merging tallies of parts gives
/// the tally of the whole.
public struct LineTally: Sendable, Equatable {
    /// How many example locations are kept per kind.
    public static let examplesPerKind = 3

    public var lines = 0
    public var records = 0
    public var malformed: [MalformedKind: Int] = [:]
    public var skipped: [SkippedKind: Int] = [:]
    public var malformedExamples: [MalformedKind: [LineLocation]] = [:]
    public var skippedExamples: [SkippedKind: [LineLocation]] = [:]

    public init() {}

    public var malformedTotal: Int { malformed.values.reduce(0, +) }
    public var skippedTotal: Int { skipped.values.reduce(0, +) }

    public mutating func countRecord() { lines += 1; records += 1 }

    public mutating func count(_ kind: MalformedKind, at loc: @autoclosure () -> LineLocation) {
        lines += 1
        malformed[kind, default: 0] += 1
        if malformedExamples[kind, default: []].count < Self.examplesPerKind { malformedExamples[kind, default: []].append(loc()) }
    }

    public mutating func count(_ kind: SkippedKind, at loc: @autoclosure () -> LineLocation) {
        lines += 1
        skipped[kind, default: 0] += 1
        if skippedExamples[kind, default: []].count < Self.examplesPerKind { skippedExamples[kind, default: []].append(loc()) }
    }

    public mutating func merge(_ o: LineTally) {
        lines += o.lines
        records += o.records
        malformed.merge(o.malformed, uniquingKeysWith: +)
        skipped.merge(o.skipped, uniquingKeysWith: +)
        for (k, v) in o.malformedExamples { malformedExamples[k] = Array((malformedExamples[k, default: []] + v).sorted().prefix(Self.examplesPerKind)) }
        for (k, v) in o.skippedExamples { skippedExamples[k] = Array((skippedExamples[k, default: []] + v).sorted().prefix(Self.examplesPerKind)) }
    }
}
