import DistillDecode
import DistillInput

/// The accounts file a state was profiled with (`profile --accounts`): what the report's
/// manifest and the link stage read of it.
package struct StateAccounts: Sendable, Equatable {
    package var path: String
    package var sha256: String?
    package var tally: LineTally
    /// Why it could not be read to its end (the report lists it as lost data).
    package var error: String?
    package var accounts: [String: AccountInfo]

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
