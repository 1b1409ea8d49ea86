import DistillDecode
import DistillInput
import DistillProfile
import Foundation

/// What a state file's profiles depend on besides the logs: the profile parameters, the
/// decode options, the rule pack and the tool version. States merge only when these are
/// equal, since profiles made under different ones do not add up to any single run.
package struct StateParameters: Sendable, Equatable {
    package var profile: ProfileParameters
    package var maxLineBytes: Int
    package var maxDepth: Int
    package var maxPromptBytes: Int
    package var maxSystemBytes: Int
    package var maxIdentifierBytes: Int
    package var format: LogFormat?
    /// SHA-256 of the `--schema` mapping in canonical form (nil without one).
    package var schemaDigest: String?
    package var since: Int64?
    package var until: Int64?
    /// The rule pack as JSON with sorted keys (the form the run manifest hashes).
    package var rulePackJSON: [UInt8]
    package var toolVersion: String

    /// The parameters `config` profiles with.
    package init(_ config: AnalysisConfiguration) {
        let d = config.input.decode
        profile = config.profile
        maxLineBytes = d.maxLineBytes; maxDepth = d.maxDepth; maxPromptBytes = d.maxPromptBytes
        maxSystemBytes = d.maxSystemBytes; maxIdentifierBytes = d.maxIdentifierBytes
        format = d.format
        schemaDigest = d.schema.map(Self.digest)
        since = d.since; until = d.until
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        rulePackJSON = [UInt8]((try? encoder.encode(config.rules)) ?? Data())
        toolVersion = ToolInfo.version
    }

    /// Every parameter by name, as text: what a refusal names when two states differ.
    var named: [(String, String)] {
        let none = "none"
        return profile.listed.map { ($0.0, String($0.1)) } + [
            ("max_line_bytes", String(maxLineBytes)), ("max_depth", String(maxDepth)), ("max_prompt_bytes", String(maxPromptBytes)),
            ("max_system_bytes", String(maxSystemBytes)), ("max_identifier_bytes", String(maxIdentifierBytes)),
            ("input_format", format?.rawValue ?? "auto"), ("schema", schemaDigest ?? none),
            ("since", since.map { String($0) } ?? none), ("until", until.map { String($0) } ?? none),
            ("rule_pack_sha256", rulePackSHA256), ("tool_version", toolVersion),
        ]
    }

    package var rulePackSHA256: String {
        let sha = SHA256()
        // SAFETY: the bytes are hashed only during the closure.
        rulePackJSON.withUnsafeBytes { sha.update($0) }
        return sha.finish()
    }

    /// The first parameter that differs, in words ("max_depth 32 here, 64 there"); nil when equal.
    package func difference(from other: StateParameters) -> String? {
        for ((name, a), (_, b)) in zip(named, other.named) where a != b {
            return name == "rule_pack_sha256" ? "rule packs (SHA-256 \(a.prefix(12))… and \(b.prefix(12))…)" : "\(name) (\(a) and \(b))"
        }
        return nil
    }

    /// The decode options these parameters stand for (for the analysis of states).
    package func apply(to options: inout DecodeOptions) {
        options.maxLineBytes = maxLineBytes; options.maxDepth = maxDepth; options.maxPromptBytes = maxPromptBytes
        options.maxSystemBytes = maxSystemBytes; options.maxIdentifierBytes = maxIdentifierBytes
        options.format = format; options.since = since; options.until = until
    }

    static func digest(_ schema: SchemaMapping) -> String {
        let canonical = schema.paths.sorted { $0.key.rawValue < $1.key.rawValue }
            .map { $0.key.rawValue + "=" + $0.value.joined(separator: "\u{1}") }.joined(separator: "\u{2}")
        let sha = SHA256()
        // SAFETY: the bytes are hashed only during the closure.
        Array(canonical.utf8).withUnsafeBytes { sha.update($0) }
        return sha.finish()
    }

    func encode(into w: inout BinaryWriter) {
        // The profile parameters by name from their table, so a parameter added later is
        // recorded (and compared) without a change here.
        let listed = profile.listed
        w.int(listed.count)
        for (name, value) in listed { w.string(name); w.u64(value.bitPattern) }
        for v in [maxLineBytes, maxDepth, maxPromptBytes, maxSystemBytes, maxIdentifierBytes] { w.int(v) }
        w.optionalString(format?.rawValue)
        w.optionalString(schemaDigest)
        w.optionalI64(since); w.optionalI64(until)
        w.raw(rulePackJSON)
        w.string(toolVersion)
    }

    static func decode(_ r: inout BinaryReader) throws(BinaryReader.Malformed) -> StateParameters {
        var p = ProfileParameters()
        // Every value is range-checked by its table entry: sketch sizes bound what every
        // profile holds, and a damaged one must not ask for gigabytes.
        let fields = ProfileParameters.fields
        let count = try r.nonNegative("profile parameter count", max: 4 * fields.count)
        var seen = Set<String>()
        for _ in 0..<count {
            let name = try r.string()
            let value = Double(bitPattern: try r.u64())
            guard let field = fields.first(where: { $0.name == name }), seen.insert(name).inserted else {
                throw .init("unknown or repeated profile parameter \(name.utf8Prefix(40)) (a state from another build?)")
            }
            if let problem = field.set(value, in: &p) { throw .init(problem) }
        }
        guard seen.count == fields.count else { throw .init("profile parameters missing (a state from another build?)") }
        var s = StateParameters(
            profile: p, maxLineBytes: try r.nonNegative("max_line_bytes"), maxDepth: try r.nonNegative("max_depth"),
            maxPromptBytes: try r.nonNegative("max_prompt_bytes"), maxSystemBytes: try r.nonNegative("max_system_bytes"),
            maxIdentifierBytes: try r.nonNegative("max_identifier_bytes"), format: nil, schemaDigest: nil,
            since: nil, until: nil, rulePackJSON: [], toolVersion: "")
        if let f = try r.optionalString() {
            guard let format = LogFormat(rawValue: f) else { throw .init("unknown input format \(f.utf8Prefix(40))") }
            s.format = format
        }
        s.schemaDigest = try r.optionalString()
        s.since = try r.optionalI64(); s.until = try r.optionalI64()
        s.rulePackJSON = try r.raw()
        s.toolVersion = try r.string()
        return s
    }

    private init(
        profile: ProfileParameters, maxLineBytes: Int, maxDepth: Int, maxPromptBytes: Int, maxSystemBytes: Int,
        maxIdentifierBytes: Int, format: LogFormat?, schemaDigest: String?, since: Int64?, until: Int64?,
        rulePackJSON: [UInt8], toolVersion: String
    ) {
        self.profile = profile; self.maxLineBytes = maxLineBytes; self.maxDepth = maxDepth; self.maxPromptBytes = maxPromptBytes
        self.maxSystemBytes = maxSystemBytes; self.maxIdentifierBytes = maxIdentifierBytes; self.format = format
        self.schemaDigest = schemaDigest; self.since = since; self.until = until; self.rulePackJSON = rulePackJSON
        self.toolVersion = toolVersion
    }
}
