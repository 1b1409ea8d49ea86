/// What the optional accounts file (`--accounts FILE`) says about an account.
package struct AccountInfo: Sendable, Equatable, Codable {
    package var accountID: String
    package var createdAt: Int64?
    package var email: String?
    package var paymentFingerprint: String?
    package var billingCountry: String?
    package var verified: Bool?
    package var org: String?

    package init(accountID: String) { self.accountID = accountID }

    /// Domain of the email address, lower-cased.
    package var emailDomain: String? {
        guard let e = email, let at = e.lastIndex(of: "@") else { return nil }
        let d = e[e.index(after: at)...].lowercased()
        return d.isEmpty ? nil : d
    }

    /// Local part of the email address, lower-cased.
    package var emailLocalPart: String? {
        guard let e = email, let at = e.lastIndex(of: "@") else { return nil }
        return e[..<at].lowercased()
    }
}

extension RecordDecoder {
    /// Decodes one line of an accounts file.
    package mutating func decodeAccount(_ line: RawSpan) -> Result<AccountInfo, MalformedKind>? {
        // SAFETY: the span's bytes are valid for the whole closure, which decodes them; the tape's view of them is read only before this returns.
        line.withUnsafeBytes { decodeAccount(unsafeLine: $0) }
    }

    /// `decodeAccount(_:)` on the line's raw bytes, valid during the call.
    mutating func decodeAccount(unsafeLine line: UnsafeRawBufferPointer) -> Result<AccountInfo, MalformedKind>? {
        var bytes = line
        // SAFETY: slices of `line` only: past a 3-byte BOM when `count >= 3`, short of a last CR when there is one; the caller keeps `line` alive during the decode.
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { bytes = UnsafeRawBufferPointer(rebasing: bytes[3...]) }
        if let last = bytes.last, last == 0x0D { bytes = UnsafeRawBufferPointer(rebasing: bytes[..<(bytes.count - 1)]) }
        if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { return nil }
        do { try tape.parse(bytes, maxDepth: options.maxDepth) } catch {
            switch error {
            case .invalidUTF8: return .failure(.invalidUTF8)
            case .nulByte: return .failure(.nulByte)
            case .tooDeep: return .failure(.tooDeep)
            case .tooLong: return .failure(.lineTooLong)
            case .invalidJSON: return .failure(.invalidJSON)
            }
        }
        let t = tape
        guard t.kind(t.root) == .object else { return .failure(.notObject) }
        let idNode = t.member(t.root, "account_id") ?? t.member(t.root, "user_id") ?? t.member(t.root, "id")
        guard case .success(let id)? = identifier(idNode) else { return .failure(.missingAccount) }
        var a = AccountInfo(accountID: id)
        a.createdAt = (t.member(t.root, "created_at") ?? t.member(t.root, "signup_ts")).flatMap { Timestamp.parse(t, $0) }
        a.email = text(t.member(t.root, "email"))
        a.paymentFingerprint = text(t.member(t.root, "payment_fingerprint") ?? t.member(t.root, "card_fingerprint"))
        a.billingCountry = text(t.member(t.root, "billing_country"), limit: 8)
        a.verified = t.member(t.root, "verified").flatMap(t.bool)
        a.org = text(t.member(t.root, "org_id"))
        return .success(a)
    }
}
