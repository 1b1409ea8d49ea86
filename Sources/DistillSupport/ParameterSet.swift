/// One tunable of the analysis: the name it has in configuration files, reports and the
/// run manifest, where it is stored, and the values it may take.
package struct ParameterField<Root> {
    /// Where the value lives: a whole number or a real one.
    package enum Storage {
        case integer(WritableKeyPath<Root, Int>)
        case real(WritableKeyPath<Root, Double>)
    }

    package let name: String
    package let storage: Storage
    /// Values outside are refused when a configuration is read.
    package let range: ClosedRange<Double>

    package init(_ name: String, _ path: WritableKeyPath<Root, Int>, _ range: ClosedRange<Double> = 0...1e12) {
        self.name = name
        self.storage = .integer(path)
        self.range = range
    }

    package init(_ name: String, _ path: WritableKeyPath<Root, Double>, _ range: ClosedRange<Double> = 0...1e12) {
        self.name = name
        self.storage = .real(path)
        self.range = range
    }

    /// Values in [0, 1]: shares, similarities, factors.
    package static func share(_ name: String, _ path: WritableKeyPath<Root, Double>) -> ParameterField {
        ParameterField(name, path, 0...1)
    }

    package func value(in root: Root) -> Double {
        switch storage {
        case .integer(let p): return Double(root[keyPath: p])
        case .real(let p): return root[keyPath: p]
        }
    }

    /// Sets the value, or says why it cannot be (out of range, not a whole number).
    package func set(_ v: Double, in root: inout Root) -> String? {
        guard v.isFinite, range.contains(v) else {
            return "\(name) must be between \(ParameterValue.text(range.lowerBound)) and \(ParameterValue.text(range.upperBound)), not \(ParameterValue.text(v))"
        }
        switch storage {
        case .integer(let p):
            guard v == v.rounded() else { return "\(name) must be a whole number, not \(ParameterValue.text(v))" }
            root[keyPath: p] = Int(v)
        case .real(let p):
            root[keyPath: p] = v
        }
        return nil
    }

    package var isInteger: Bool { if case .integer = storage { return true } else { return false } }
}

/// A group of tunables that is listed in reports, read from a configuration file and
/// compared with its defaults, all from one table (`fields`), so a parameter cannot be
/// printed under one name and read under another.
package protocol ParameterSet {
    init()
    /// Every tunable of the group, in the order configuration dumps list them.
    static var fields: [ParameterField<Self>] { get }
}

extension ParameterSet {
    /// Name and value of every parameter, for reports and the run manifest.
    package var listed: [(String, Double)] { Self.fields.map { ($0.name, $0.value(in: self)) } }

    /// The parameters whose value differs from the default: name, value, default.
    package var changes: [(name: String, value: Double, defaultValue: Double)] {
        let d = Self()
        return Self.fields.compactMap { f in
            let (v, dv) = (f.value(in: self), f.value(in: d))
            return v == dv ? nil : (f.name, v, dv)
        }
    }
}

/// How parameter values are written: whole numbers without a fraction, others in Swift's
/// shortest round-trip form (the same bytes on every machine).
package enum ParameterValue {
    package static func text(_ v: Double) -> String {
        if v == v.rounded(), abs(v) < 1e15 { return String(Int64(v)) }
        return "\(v)"
    }
}
