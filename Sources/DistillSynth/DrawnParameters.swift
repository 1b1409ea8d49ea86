/// The parameters drawn for this seed, per campaign or benign population, written to
/// truth.json so that tests and readers can check each population's mechanism.
struct DrawnParameters {
    struct Entry { var group: String; var population: String; var values: [(String, String)] }
    private(set) var entries: [Entry] = []

    mutating func record(_ group: String, _ population: String, _ values: [(String, String)]) {
        entries.append(Entry(group: group, population: population, values: values))
    }

    func values(for group: String) -> [(String, String)]? { entries.first { $0.group == group }?.values }

    static func num(_ x: Double) -> String {
        let v = Int((x * 1000).rounded())
        let frac = String(abs(v) % 1000)
        return (v < 0 ? "-" : "") + "\(abs(v) / 1000)." + String(repeating: "0", count: 3 - frac.count) + frac
    }
    static func range(_ r: ClosedRange<Double>) -> String { "[\(num(r.lowerBound)), \(num(r.upperBound))]" }
    static func range(_ r: ClosedRange<Int>) -> String { "[\(r.lowerBound), \(r.upperBound)]" }
    static func text(_ s: String) -> String { EventWriter.q(s) }
    static func list(_ items: [String]) -> String { "[" + items.map(EventWriter.q).joined(separator: ", ") + "]" }
}

/// Draws shared by the wider populations.
enum Draw {
    /// A group size between 3 and 300, log-uniform, its ceiling scaled with the corpus's accounts.
    static func groupSize(_ rng: inout SplitMix, accounts n: Int, floor: Int = 3) -> Int {
        let hi = Double(min(300, max(floor + 3, n / 8)))
        let lo = Double(floor)
        return Int((lo * _exp(rng.unit() * _log(hi / lo))).rounded())
    }

    /// A rate per day, log-uniform in `r`.
    static func rate(_ rng: inout SplitMix, _ r: ClosedRange<Double>) -> Double {
        r.lowerBound * _exp(rng.unit() * _log(r.upperBound / r.lowerBound))
    }

    /// A signup time spread over the two years before the window.
    static func agedSignup(_ w: World, _ rng: inout SplitMix) -> Int64 {
        w.start - 5 * w.dayMs - Int64(rng.unit() * Double(720 * w.dayMs))
    }
}
