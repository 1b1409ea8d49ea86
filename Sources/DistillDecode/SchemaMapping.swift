/// A `--schema FILE` mapping: a JSON object from canonical field names to dotted paths
/// in the user's records, e.g. `{"account_id": "actor.id", "ts": "meta.time",
/// "messages": "request.body.messages"}`. Unmapped fields fall back to canonical aliases
/// at the top level.
package struct SchemaMapping: Sendable, Equatable {
    package var paths: [CanonicalField: [String]]

    /// Why a mapping file was refused.
    package struct Invalid: Error, CustomStringConvertible {
        package var description: String
    }

    package init(paths: [CanonicalField: [String]]) { self.paths = paths }

    /// Parses the mapping file's bytes; `file` names it in messages.
    package init(json: [UInt8], file: String) throws(Invalid) {
        var tape = JSONTape()
        // SAFETY: the tape views `json` only inside this closure; `kind(root)` below reads the tape's own nodes, not the bytes.
        let parsed: Bool = json.withUnsafeBytes { buf in
            do { try tape.parse(buf, maxDepth: 8); return true } catch { return false }
        }
        guard parsed, tape.kind(tape.root) == .object else {
            throw Invalid(description: "\(file): a schema file must be one JSON object mapping canonical fields to dotted paths, e.g. {\"account_id\": \"actor.id\", \"ts\": \"time\"}")
        }
        var result: [CanonicalField: [String]] = [:]
        var problem: String?
        // SAFETY: `tape.bytes` is pointed at `json` again for this closure, where every string is read; the tape is not used after it.
        json.withUnsafeBytes { buf in
            tape._unsafeBytes = buf
            tape.forEachMember(tape.root) { k, v in
                let name = tape.string(k)
                guard let field = CanonicalField(rawValue: name) else {
                    problem = "\(file): unknown field \"\(name)\"; known fields: \(CanonicalField.allCases.map(\.rawValue).joined(separator: ", "))"
                    return
                }
                guard tape.kind(v) == .string, !tape.string(v).isEmpty else {
                    problem = "\(file): the path for \"\(name)\" must be a non-empty string like \"a.b.c\""
                    return
                }
                result[field] = tape.string(v).split(separator: ".").map(String.init)
            }
        }
        if let problem { throw Invalid(description: problem) }
        guard result[.account] != nil else {
            throw Invalid(description: "\(file): the mapping must give \"account_id\" (the account each request belongs to)")
        }
        paths = result
    }
}

extension RecordDecoder {
    /// Records read through a `--schema` mapping.
    func decodeMapped(into r: inout RequestRecord) -> MalformedKind? {
        guard let schema = options.schema else { return decodeCanonical(into: &r) }
        let t = tape
        return build(into: &r) { f in
            if let p = schema.paths[f] { return t.path(t.root, p) }
            for a in f.aliases { if let v = t.path(t.root, [a]) { return v } }
            return nil
        }
    }
}
