@testable import DistillDecode

/// The subset of JSON Schema that docs/report.schema.json uses (type, enum, required,
/// properties, additionalProperties, items, minimum, maximum), over distillscan's own
/// JSON tape so that booleans and numbers are told apart exactly. Returns violations.
struct SchemaValidator {
    let doc: JSONTape
    let schema: JSONTape

    static func validate(document: [UInt8], schema: [UInt8]) -> [String] {
        var d = JSONTape(), s = JSONTape()
        return document.withUnsafeBytes { db in
            schema.withUnsafeBytes { sb in
                do { try d.parse(db, maxDepth: 64); try s.parse(sb, maxDepth: 64) } catch { return ["not JSON: \(error)"] }
                return SchemaValidator(doc: d, schema: s).check(d.root, s.root, "$")
            }
        }
    }

    func typeName(_ i: Int) -> String {
        switch doc.kind(i) {
        case .object: return "object"
        case .array: return "array"
        case .string: return "string"
        case .bool: return "boolean"
        case .null: return "null"
        case .number:
            let t = String(decoding: doc._unsafeRaw(i), as: UTF8.self)
            return t.contains(where: { $0 == "." || $0 == "e" || $0 == "E" }) ? "number" : "integer"
        }
    }

    func check(_ v: Int, _ s: Int, _ path: String) -> [String] {
        var errors: [String] = []
        if let t = schema.member(s, "type") {
            var allowed: [String] = []
            if schema.kind(t) == .string { allowed = [schema.string(t)] } else { schema.forEachElement(t) { allowed.append(schema.string($0)) } }
            let actual = typeName(v)
            if !(allowed.contains(actual) || (actual == "integer" && allowed.contains("number"))) { errors.append("\(path): expected \(allowed), got \(actual)") }
        }
        if let e = schema.member(s, "enum") {
            var options: [String] = []
            schema.forEachElement(e) { options.append(String(decoding: schema._unsafeRaw($0), as: UTF8.self)) }
            let mine = String(decoding: doc._unsafeRaw(v), as: UTF8.self)
            if !options.contains(mine) { errors.append("\(path): \(mine) not in \(options)") }
        }
        if doc.kind(v) == .number, let x = doc.double(v) {
            if let m = schema.member(s, "minimum").flatMap(schema.double), x < m { errors.append("\(path): \(x) < \(m)") }
            if let m = schema.member(s, "maximum").flatMap(schema.double), x > m { errors.append("\(path): \(x) > \(m)") }
        }
        if doc.kind(v) == .object {
            if let req = schema.member(s, "required") {
                schema.forEachElement(req) { r in
                    let name = schema.string(r)
                    if doc.path(v, [name]) == nil { errors.append("\(path): missing \(name)") }
                }
            }
            let props = schema.member(s, "properties")
            let extra = schema.member(s, "additionalProperties")
            doc.forEachMember(v) { k, value in
                let name = doc.string(k)
                if let p = props, let sub = schema.path(p, [name]) {
                    errors += check(value, sub, path + "." + name)
                } else if let x = extra {
                    if schema.kind(x) == .bool, schema.bool(x) == false { errors.append("\(path): unexpected property \(name)") }
                    if schema.kind(x) == .object { errors += check(value, x, path + "." + name) }
                }
            }
        }
        if doc.kind(v) == .array, let items = schema.member(s, "items") {
            var i = 0
            doc.forEachElement(v) { e in
                errors += check(e, items, "\(path)[\(i)]"); i += 1
            }
        }
        return errors
    }
}
