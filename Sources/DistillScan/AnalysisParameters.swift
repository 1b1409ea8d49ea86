import DistillDecode
import DistillLink
import DistillProfile
import DistillScore
import DistillSupport
import Foundation

/// Every tunable of an analysis in one versioned value: the decoding limits, the profile's
/// sketch sizes, the link stage's thresholds and the scorer's weights. `--config FILE`
/// reads it (any subset of the parameters), `distillscan config dump` writes the defaults,
/// and the run manifest lists the values a run used from this same value.
package struct AnalysisParameters: Sendable {
    /// The configuration format version this build reads and writes.
    package static let formatVersion = 1

    package var decode = DecodeOptions()
    package var profile = ProfileParameters()
    package var link = LinkParameters()
    package var score = ScoreParameters()

    package init() {}

    /// A configuration file that cannot be used: the message names the file and the key (exit 2).
    package struct Invalid: Error, CustomStringConvertible {
        package var description: String
        package init(_ d: String) { description = d }
    }

    /// The sections of a configuration file, in pipeline order.
    static let sections = ["decode", "profile", "link", "score"]

    /// Every parameter, by its flat name (names are unique across sections).
    package var listed: [(String, Double)] { decode.listed + profile.listed + link.listed + score.listed }

    /// The parameters that differ from the defaults, by flat name.
    package var changes: [(name: String, value: Double, defaultValue: Double)] {
        decode.changes + profile.changes + link.changes + score.changes
    }

    /// A parameter value as configuration files and reports write it.
    package static func valueText(_ v: Double) -> String { ParameterValue.text(v) }

    /// The first profile or decode parameter that differs from `other`'s, in words; nil
    /// when they agree (the link and score parameters may differ).
    package func changes(against other: AnalysisParameters) -> String? {
        for ((name, a), (_, b)) in zip(decode.listed + profile.listed, other.decode.listed + other.profile.listed) where a != b {
            return "\(name) \(ParameterValue.text(a)) (the states have \(ParameterValue.text(b)))"
        }
        return nil
    }

    /// The parameters as a configuration file: every value, sections in pipeline order.
    package func json() -> String {
        func section<S: ParameterSet>(_ name: String, _ s: S, last: Bool) -> String {
            let lines = S.fields.map { "    \"\($0.name)\": \(ParameterValue.text($0.value(in: s)))" }
            return "  \"\(name)\": {\n" + lines.joined(separator: ",\n") + "\n  }" + (last ? "\n" : ",\n")
        }
        return "{\n  \"version\": \(Self.formatVersion),\n" + section("decode", decode, last: false) + section("profile", profile, last: false)
            + section("link", link, last: false) + section("score", score, last: true) + "}\n"
    }

    /// The defaults with what `bytes` (a configuration file's JSON) sets; `file` names it
    /// in messages. Unknown sections and keys are refused (a misspelt key would otherwise
    /// leave a default silently in force).
    package static func read(_ bytes: [UInt8], file: String) throws(Invalid) -> AnalysisParameters {
        let top: [String: JSONEntry]
        do { top = try JSONDecoder().decode([String: JSONEntry].self, from: Data(bytes)) } catch {
            throw Invalid("\(file): not a JSON object of sections; `distillscan config dump` prints a valid configuration")
        }
        guard case .number(let version)? = top["version"], version == Double(formatVersion) else {
            throw Invalid("\(file): \"version\" must be \(formatVersion) (the configuration format this build reads); `distillscan config dump` prints it")
        }
        for key in top.keys.sorted() where key != "version" && !sections.contains(key) {
            throw Invalid("\(file): unknown section \"\(key)\"; sections are \(sections.joined(separator: ", "))")
        }
        var p = AnalysisParameters()
        try apply(top["decode"], to: &p.decode, section: "decode", file: file)
        try apply(top["profile"], to: &p.profile, section: "profile", file: file)
        try apply(top["link"], to: &p.link, section: "link", file: file)
        try apply(top["score"], to: &p.score, section: "score", file: file)
        try p.checkOrder(file: file)
        return p
    }

    /// A value of a configuration file: a number, a section (parameter: number), or
    /// anything else (refused with the key's name).
    enum JSONEntry: Decodable {
        case number(Double)
        case section([String: JSONEntry])
        case other

        init(from decoder: any Decoder) throws {
            let c = try decoder.singleValueContainer()
            if let n = try? c.decode(Double.self) { self = .number(n) } else if let d = try? c.decode([String: JSONEntry].self) { self = .section(d) } else { self = .other }
        }
    }

    static func apply<S: ParameterSet>(_ value: JSONEntry?, to set: inout S, section: String, file: String) throws(Invalid) {
        guard let value else { return }
        guard case .section(let dict) = value else { throw Invalid("\(file): \"\(section)\" must be an object of parameter: number") }
        let fields = S.fields
        for key in dict.keys.sorted() {
            guard let field = fields.first(where: { $0.name == key }) else {
                let near = fields.map(\.name).min { editDistance($0, key) < editDistance($1, key) }
                throw Invalid("\(file): unknown parameter \(section).\(key)" + (near.map { " (did you mean \($0)?)" } ?? ""))
            }
            guard case .number(let n)? = dict[key] else { throw Invalid("\(file): \(section).\(key) must be a number") }
            if let problem = field.set(n, in: &set) { throw Invalid("\(file): \(section).\(problem)") }
        }
    }

    /// Relations between parameters that single ranges cannot state.
    func checkOrder(file: String) throws(Invalid) {
        let s = score
        guard s.lowScore <= s.mediumScore, s.mediumScore <= s.highScore, s.highScore <= s.criticalScore else {
            throw Invalid("\(file): severity scores must rise: low_score ≤ medium_score ≤ high_score ≤ critical_score")
        }
        guard ShingleSignature.bins % link.lshBands == 0 else {
            throw Invalid("\(file): link.lsh_bands must divide the signature's \(ShingleSignature.bins) bins (1, 2, 4, 8, 16 or 32)")
        }
    }

    static func editDistance(_ a: String, _ b: String) -> Int {
        let x = Array(a.utf8), y = Array(b.utf8)
        var row = Array(0...y.count)
        for i in 1...max(x.count, 1) where !x.isEmpty {
            var prev = row[0]
            row[0] = i
            for j in stride(from: 1, through: y.count, by: 1) {
                let cur = row[j]
                row[j] = min(row[j] + 1, row[j - 1] + 1, prev + (x[i - 1] == y[j - 1] ? 0 : 1))
                prev = cur
            }
        }
        return row[y.count]
    }
}

extension AnalysisConfiguration {
    /// Every tunable of this configuration as one value (read and written whole).
    package var parameters: AnalysisParameters {
        get {
            var p = AnalysisParameters()
            for f in DecodeOptions.fields { _ = f.set(f.value(in: input.decode), in: &p.decode) }
            p.profile = profile
            p.link = link
            p.score = score
            return p
        }
        set {
            for f in DecodeOptions.fields { _ = f.set(f.value(in: newValue.decode), in: &input.decode) }
            profile = newValue.profile
            link = newValue.link
            score = newValue.score
        }
    }
}
