import DistillDecode
import DistillInput
import DistillProfile
import Foundation

/// `distillscan profile`'s output: everything the link, score and report stages need of
/// a set of inputs (profiles, line accounting, the input manifest with SHA-256s, the
/// accounts file, the parameters and rule pack), mergeable with other states exactly.
///
/// Layout: the magic `DSSTATE\n`, a little-endian u32 format version, a u64 content
/// length, the content's SHA-256 (64 hex bytes), then the content (`StateFile+Codec`).
package struct StateFile: Sendable {
    package static let magic: [UInt8] = Array("DSSTATE\n".utf8)
    package static let formatVersion: UInt32 = 1
    static let headerBytes = 8 + 4 + 8 + 64

    package var parameters: StateParameters
    package var accounts: StateAccounts?
    /// Inputs in resolver order (by name, stdin last).
    package var inputs: [StateInput]
    package var profiles: ProfileState

    /// The state of a scan made with `config` (its accounts file, if any, loaded as `accounts`).
    package init(scan: ScanResult<ProfileState>, config: AnalysisConfiguration, accounts: AccountsFile.Loaded?) {
        parameters = StateParameters(config)
        let summary = InputSummary(scan.files)
        inputs = zip(scan.files, summary.files).map { StateInput($0, $1) }.sorted(by: StateInput.precedes)
        profiles = scan.sink
        if let path = config.accountsFile, let loaded = accounts {
            self.accounts = StateAccounts(path: path, loaded: loaded, sha256: config.hashInputs ? SHA256.file(path) : nil)
        }
    }

    init(parameters: StateParameters, accounts: StateAccounts?, inputs: [StateInput], profiles: ProfileState) {
        self.parameters = parameters; self.accounts = accounts; self.inputs = inputs; self.profiles = profiles
    }

    /// Whether these bytes begin like a state file (how `analyze` tells states from logs).
    package static func hasMagic(_ head: some Collection<UInt8>) -> Bool { head.starts(with: magic) }

    /// The whole file: header and content.
    package func serialized() -> [UInt8] {
        var content = BinaryWriter(capacity: 1 << 16)
        encode(into: &content)
        let sha = SHA256()
        // SAFETY: the bytes are hashed only during the closure.
        content.bytes.withUnsafeBytes { sha.update($0) }
        var w = BinaryWriter(capacity: Self.headerBytes + content.bytes.count)
        for b in Self.magic { w.u8(b) }
        w.u32(Self.formatVersion)
        w.u64(UInt64(content.bytes.count))
        for b in sha.finish().utf8 { w.u8(b) }
        var out = w.bytes
        out.append(contentsOf: content.bytes)
        return out
    }

    /// Writes the state to `path` atomically (a temporary file beside it, then a rename):
    /// a retried or duplicated task replaces a whole file or leaves the old one.
    package func write(to path: String) throws(OutputError) {
        try OutputFile.write(serialized(), to: path)
    }

    /// Parses a whole state file (`name` is how messages call it).
    package static func parse(_ bytes: [UInt8], name: String) throws(StateFileError) -> StateFile {
        guard hasMagic(bytes) else {
            // A prefix of the magic is a state cut short, not a foreign file.
            if !bytes.isEmpty && magic.starts(with: bytes) { throw .truncated(path: name, expected: headerBytes, found: bytes.count) }
            throw .foreign(path: name)
        }
        guard bytes.count >= headerBytes else { throw .truncated(path: name, expected: headerBytes, found: bytes.count) }
        var header = BinaryReader(bytes, offset: magic.count)
        do {
            let version = try header.u32()
            guard version == formatVersion else { throw StateFileError.version(path: name, found: version, supported: formatVersion) }
            let length = try header.u64()
            // A length near 2^64 must not overflow (it trapped): such a file is refused as truncated.
            let (sum, overflow) = UInt64(headerBytes).addingReportingOverflow(length)
            let expected = overflow ? UInt64.max : sum
            guard UInt64(bytes.count) == expected else {
                if UInt64(bytes.count) < expected { throw StateFileError.truncated(path: name, expected: Int(clamping: expected), found: bytes.count) }
                throw StateFileError.malformed(path: name, detail: "\(UInt64(bytes.count) - expected) bytes after the content")
            }
            let stored = String(decoding: bytes[(headerBytes - 64)..<headerBytes], as: UTF8.self)
            let sha = SHA256()
            // SAFETY: `bytes.count == headerBytes + length >= headerBytes` (checked above), so the content slice lies in `bytes`; hashed during the closure.
            bytes.withUnsafeBytes { sha.update(UnsafeRawBufferPointer(rebasing: $0[headerBytes...])) }
            guard sha.finish() == stored else { throw StateFileError.damaged(path: name) }
        } catch let e as StateFileError {
            throw e
        } catch {
            throw .malformed(path: name, detail: "\(error)")
        }
        var r = BinaryReader(bytes, offset: headerBytes)
        do throws(BinaryReader.Malformed) {
            let state = try decode(&r)
            guard r.atEnd else { throw BinaryReader.Malformed("\(r.remaining) bytes left after the content") }
            return state
        } catch {
            throw .malformed(path: name, detail: error.description)
        }
    }

    /// Reads and parses the state file at `path`.
    package static func read(_ path: String) throws(StateFileError) -> StateFile {
        let bytes: [UInt8]
        do { bytes = try WholeFile.read(path) } catch { throw .unreadable(path: path, reason: error.reason) }
        return try parse(bytes, name: path)
    }

    func encode(into w: inout BinaryWriter) {
        parameters.encode(into: &w)
        w.bool(accounts != nil)
        accounts?.encode(into: &w)
        w.count(inputs.count)
        for i in inputs { i.encode(into: &w) }
        profiles.encode(into: &w)
    }

    static func decode(_ r: inout BinaryReader) throws(BinaryReader.Malformed) -> StateFile {
        let parameters = try StateParameters.decode(&r)
        let accounts = try r.bool() ? try StateAccounts.decode(&r) : nil
        var inputs: [StateInput] = []
        for _ in 0..<(try r.count(itemBytes: 16)) {
            let input = try StateInput.decode(&r)
            if let last = inputs.last, !StateInput.precedes(last, input) { throw .init("inputs out of order (\(input.file.path.utf8Prefix(80)))") }
            inputs.append(input)
        }
        let pack = try rulePack(parameters.rulePackJSON)
        let profiles = try ProfileState.decode(&r, parameters: parameters.profile, matcher: IntentMatcher(pack: pack))
        return StateFile(parameters: parameters, accounts: accounts, inputs: inputs, profiles: profiles)
    }

    /// The rule pack a state was profiled with, checked as `--rules` packs are.
    static func rulePack(_ json: [UInt8]) throws(BinaryReader.Malformed) -> RulePack {
        let pack: RulePack
        do { pack = try JSONDecoder().decode(RulePack.self, from: Data(json)) } catch { throw .init("its rule pack does not decode (\(error))") }
        let problems = pack.lint() + RegexSafety.problems(pack)
        guard problems.isEmpty else { throw .init("its rule pack is not valid (\(problems.joined(separator: "; ")))") }
        return pack
    }
}
