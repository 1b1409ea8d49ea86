import Foundation

/// Replaces, in free log text (a model name), every value `--redact` masked elsewhere in the report (longest
/// first, so a domain inside an e-mail goes with it), then any word that still looks like
/// an address or an e-mail.
struct TextScrub {
    private var pairs: [String: String] = [:]

    mutating func add(_ raw: String, _ masked: String) {
        guard raw.count >= 3, raw != masked else { return }
        pairs[raw] = masked
    }

    func apply(_ text: String, _ r: Redaction) -> String {
        var s = text
        for (raw, masked) in pairs.sorted(by: { ($1.key.count, $0.key) < ($0.key.count, $1.key) }) where s.contains(raw) {
            s = s.replacingOccurrences(of: raw, with: masked)
        }
        let words = s.split(separator: " ", omittingEmptySubsequences: false).map { w -> String in
            let core = w.trimmingCharacters(in: ",;()")
            guard !core.isEmpty else { return String(w) }
            // Scalars: `@` followed by a combining mark is a Character that is not `@`.
            if core.unicodeScalars.contains("@") { return w.replacingOccurrences(of: core, with: r.hash(core)) }
            if core.unicodeScalars.contains(where: { $0 == "." || $0 == ":" }), core.contains(where: \.isASCIIDigit), let net = Redaction.network(core) {
                return w.replacingOccurrences(of: core, with: net)
            }
            return String(w)
        }
        return words.joined(separator: " ")
    }
}

extension Substring {
    func trimmingCharacters(in set: String) -> String {
        var t = self
        while let f = t.first, set.contains(f) { t.removeFirst() }
        while let l = t.last, set.contains(l) { t.removeLast() }
        return String(t)
    }
}
