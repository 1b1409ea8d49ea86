import DistillDecode
import DistillInput

/// The state file's form of a line accounting: kinds in order, with their examples.
extension LineTally {
    func encode(into w: inout BinaryWriter) {
        w.int(lines); w.int(records)
        func kinds<K: RawRepresentable<String> & Comparable>(_ counts: [K: Int], _ examples: [K: [LineLocation]]) {
            let keys = Set(counts.keys).union(examples.keys).sorted()
            w.count(keys.count)
            for k in keys {
                w.string(k.rawValue)
                w.int(counts[k] ?? 0)
                let e = examples[k] ?? []
                w.count(e.count)
                for loc in e { w.string(loc.file); w.int(loc.line) }
            }
        }
        kinds(malformed, malformedExamples)
        kinds(skipped, skippedExamples)
    }

    static func decode(_ r: inout BinaryReader) throws(BinaryReader.Malformed) -> LineTally {
        var t = LineTally()
        t.lines = try r.nonNegative("a line count"); t.records = try r.nonNegative("a record count")
        func kinds<K: RawRepresentable<String> & Hashable>(_ counts: inout [K: Int], _ examples: inout [K: [LineLocation]]) throws(BinaryReader.Malformed) {
            for _ in 0..<(try r.count(itemBytes: 3)) {
                let name = try r.string()
                guard let k = K(rawValue: name) else { throw .init("an unknown line kind \(name.utf8Prefix(40))") }
                let n = try r.nonNegative("a line kind count")
                if n > 0 { counts[k] = n }
                var locations: [LineLocation] = []
                for _ in 0..<(try r.count(itemBytes: 2)) { locations.append(LineLocation(file: try r.string(), line: try r.nonNegative("a line number"))) }
                if !locations.isEmpty { examples[k] = locations }
            }
        }
        try kinds(&t.malformed, &t.malformedExamples)
        try kinds(&t.skipped, &t.skippedExamples)
        return t
    }
}
