import DistillDecode
import DistillInput

/// One input's line accounting as a state file keeps it: the report's file entry and the
/// source kind that orders inputs as the resolver does (by name, stdin last).
public struct StateInput: Sendable {
    public var file: InputSummary.File
    /// `InputSource` rank: 0 file, 1 unreadable, 2 skipped, 3 stdin.
    public var rank: UInt8

    init(_ scan: FileScan, _ entry: InputSummary.File) {
        file = entry
        switch scan.source {
        case .file: rank = 0
        case .unreadable: rank = 1
        case .skipped: rank = 2
        case .stdin: rank = 3
        }
    }

    init(file: InputSummary.File, rank: UInt8) { self.file = file; self.rank = rank }

    /// The order of `InputResolver`'s result: by name, stdin last.
    static func precedes(_ a: StateInput, _ b: StateInput) -> Bool {
        if (a.rank == 3) != (b.rank == 3) { return b.rank == 3 }
        return (a.file.path, a.rank) < (b.file.path, b.rank)
    }

    /// What identifies the input across states: its SHA-256, for a file with lines (an
    /// empty file, stdin or an unreadable path adds nothing that could be counted twice).
    var identity: String? { file.tally.lines > 0 || file.bytes > 0 ? file.sha256 : nil }

    func encode(into w: inout BinaryWriter) {
        let f = file
        w.u8(rank)
        w.string(f.path); w.string(f.compression.rawValue)
        w.int(f.sizeBytes); w.int(f.bytes)
        f.tally.encode(into: &w)
        let formats = f.formats.sorted { $0.key < $1.key }
        w.count(formats.count)
        for (k, v) in formats { w.string(k.rawValue); w.int(v) }
        w.optionalI64(f.firstTimestamp); w.optionalI64(f.lastTimestamp)
        w.optionalString(f.error); w.optionalString(f.sha256)
        w.bool(f.lostData)
    }

    static func decode(_ r: inout BinaryReader) throws(BinaryReader.Malformed) -> StateInput {
        let rank = try r.u8()
        guard rank <= 3 else { throw .init("an input kind \(rank)") }
        let path = try r.string()
        let c = try r.string()
        guard let compression = Compression(rawValue: c) else { throw .init("an unknown compression \(c.utf8Prefix(40))") }
        let size = try r.nonNegative("a file size"), bytes = try r.nonNegative("a byte count")
        let tally = try LineTally.decode(&r)
        var formats: [LogFormat: Int] = [:]
        for _ in 0..<(try r.count(itemBytes: 2)) {
            let name = try r.string()
            guard let f = LogFormat(rawValue: name) else { throw .init("an unknown log format \(name.utf8Prefix(40))") }
            formats[f] = try r.nonNegative("a format count")
        }
        var file = InputSummary.File(path: path, compression: compression, sizeBytes: size, bytes: bytes, tally: tally, formats: formats,
                                     firstTimestamp: try r.optionalI64(), lastTimestamp: try r.optionalI64(),
                                     error: try r.optionalString(), sha256: try r.optionalString())
        file.lostData = try r.bool()
        return StateInput(file: file, rank: rank)
    }
}

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

/// The accounts file a state was profiled with (`profile --accounts`): what the report's
/// manifest and the link stage read of it.
public struct StateAccounts: Sendable, Equatable {
    public var path: String
    public var sha256: String?
    public var tally: LineTally
    /// Why it could not be read to its end (the report lists it as lost data).
    public var error: String?
    public var accounts: [String: AccountInfo]

    init(path: String, loaded: AccountsFile.Loaded, sha256: String?) {
        self.path = path; self.sha256 = sha256; tally = loaded.tally
        error = loaded.error?.description; accounts = loaded.accounts
    }

    var loaded: AccountsFile.Loaded {
        var l = AccountsFile.Loaded()
        l.accounts = accounts
        l.tally = tally
        return l
    }

    /// Two states name the same accounts file when its bytes are the same.
    func sameFile(as o: StateAccounts) -> Bool { sha256 != nil ? sha256 == o.sha256 : self == o }

    func encode(into w: inout BinaryWriter) {
        w.string(path); w.optionalString(sha256); tally.encode(into: &w); w.optionalString(error)
        let all = accounts.sorted { $0.key < $1.key }
        w.count(all.count)
        for (_, a) in all {
            w.string(a.accountID); w.optionalI64(a.createdAt); w.optionalString(a.email); w.optionalString(a.paymentFingerprint)
            w.optionalString(a.billingCountry)
            w.u8(a.verified.map { $0 ? 1 : 0 } ?? 2)
            w.optionalString(a.org)
        }
    }

    static func decode(_ r: inout BinaryReader) throws(BinaryReader.Malformed) -> StateAccounts {
        var s = StateAccounts(path: try r.string(), loaded: AccountsFile.Loaded(), sha256: try r.optionalString())
        s.tally = try LineTally.decode(&r)
        s.error = try r.optionalString()
        for _ in 0..<(try r.count(itemBytes: 7)) {
            var a = AccountInfo(accountID: try r.string())
            a.createdAt = try r.optionalI64(); a.email = try r.optionalString(); a.paymentFingerprint = try r.optionalString()
            a.billingCountry = try r.optionalString()
            switch try r.u8() {
            case 0: a.verified = false
            case 1: a.verified = true
            case 2: a.verified = nil
            case let v: throw .init("a verified flag \(v)")
            }
            a.org = try r.optionalString()
            s.accounts[a.accountID] = a
        }
        return s
    }
}
