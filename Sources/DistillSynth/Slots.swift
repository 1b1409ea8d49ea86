/// Template slots (`{name}`) filled in one pass over the text (the generator fills
/// millions of them; a search per slot was a quarter of `synth`'s time).
enum Slots {
    /// Replaces every `{name}` whose `value(name)` is non-nil; other braces stay as written.
    static func fill(_ template: String, _ value: (Substring) -> String?) -> String {
        let u = template.utf8
        guard u.contains(0x7B) else { return template }
        var out = ""
        out.reserveCapacity(u.count + 32)
        var copied = u.startIndex
        var i = u.startIndex
        while i < u.endIndex {
            if u[i] == 0x7B, let close = u[u.index(after: i)...].prefix(12).firstIndex(of: 0x7D) {
                let name = template[u.index(after: i)..<close]
                if let v = value(name) {
                    out += template[copied..<i]
                    out += v
                    i = u.index(after: close)
                    copied = i
                    continue
                }
            }
            i = u.index(after: i)
        }
        out += template[copied...]
        return out
    }
}

extension String {
    func replacingOccurrences(_ target: String, _ replacement: String) -> String {
        replacing(target, with: replacement)
    }
}
