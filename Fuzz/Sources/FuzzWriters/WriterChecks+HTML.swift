import FuzzSupport

@testable import DistillReport

/// The HTML report's tag-level invariant: the page rendered from hostile strings against
/// the page rendered from their tamed forms (which hold no markup, so every tag, attribute
/// and reference in it is the writer's own).
extension WriterChecks {
    /// The first way `hostile` breaks the invariant, or nil:
    /// (a) every tag name is one the tamed page has; (b) every attribute name too, none an
    /// `on…` handler, every value double-quoted with no `"` or `<` inside; (c) the same
    /// sequence of tags (open and close, with attribute names) as the tamed page; (d) no
    /// raw `<` in text, and every `&` starts a reference that the escaping writes (`&amp;`
    /// `&lt;` `&gt;` `&quot;` `&#39;`) or the tamed page has; (e) no `javascript:`,
    /// `vbscript:` or `data:` URL in `href`/`src`.
    static func htmlProblem(_ hostile: String, tame: String) -> String? {
        let h: HTMLTags, t: HTMLTags
        switch HTMLTags.read(tame) {
        case .success(let x): t = x
        case .failure(let p): return "the tamed page: \(p)"
        }
        switch HTMLTags.read(hostile) {
        case .success(let x): h = x
        case .failure(let p): return "\(p)"
        }
        let names = Set(t.tags.map(\.name)), attributes = Set(t.tags.flatMap(\.attributes))
        for tag in h.tags {
            guard names.contains(tag.name) else { return "\(tag): a tag the writer does not write" }
            for a in tag.attributes {
                guard !a.hasPrefix("on") else { return "\(tag): an event handler attribute" }
                guard attributes.contains(a) else { return "\(tag): attribute \(a) is not one the writer writes" }
            }
        }
        let known = t.entities.union(["amp", "lt", "gt", "quot", "#39"])
        if let e = h.entities.subtracting(known).sorted().first { return "&\(e); is not a reference the escaping writes (an unescaped '&')" }
        for url in h.urls {
            // What a browser ignores in a scheme (spaces, controls) removed first.
            let bare = String(String.UnicodeScalarView(url.unicodeScalars.filter { $0.value > 0x20 })).lowercased()
            for scheme in ["javascript:", "vbscript:", "data:"] where bare.hasPrefix(scheme) { return "a \(scheme) URL: \(url)" }
        }
        guard h.tags != t.tags else { return nil }
        let k = zip(h.tags, t.tags).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(h.tags.count, t.tags.count)
        func tag(_ x: HTMLTags, _ k: Int) -> String { k < x.tags.count ? x.tags[k].description : "the end" }
        return "tag \(k) is \(tag(h, k)) where the tamed page has \(tag(t, k)) (\(h.tags.count) tags, \(t.tags.count) tamed)"
    }

    /// `tamed(strings)`, except that a string the report reads as an address stays an
    /// address of the same network: another host (numbered like the tamed strings) in the
    /// same /24 or /48. The picture draws a subnet shared by two addresses as a node, so
    /// without this a hostile page had more tags than its tamed one with no injection at all.
    static func tamedKeepingAddresses(_ strings: [String]) -> [String] {
        let plain = tamed(strings)
        return strings.indices.map { k in
            let s = strings[k]
            guard let net = Subnet.of(s), net != s else { return plain[k] }
            let n = strings.firstIndex(of: s)!
            // `Redaction.network` writes `a.b.c.0/24`, or an IPv6 prefix ending in `::/48`.
            if net.hasSuffix(".0/24") { return String(net.dropLast(4)) + String(n) }
            if net.hasSuffix("::/48") { return String(net.dropLast(3)) + String(n + 1, radix: 16) }
            return plain[k]
        }
    }

    /// Runs the HTML check on a page and on pages broken the ways it must catch; a broken
    /// page it accepted stops the run, so the invariant is known to be able to fail.
    static func htmlSelfCheck() {
        let strings = ["10.1.2.3", "[10.1.2.9]:443", "2001:db8:7::1", "::ffff:10.1.2.4", "a & b", "x"]
        let tame = tamedKeepingAddresses(strings)
        for (s, t) in zip(strings, tame) where Subnet.of(s) != nil {
            guard Subnet.of(s) == Subnet.of(t), t != s else { FuzzSupport.fail("self-check: tamed address \(t) of \(s) left its network") }
        }
        let good = report(tame).html()
        if let p = htmlProblem(good, tame: good) { FuzzSupport.fail("self-check: the tamed page fails its own check: \(p)") }
        if let p = htmlProblem(report(strings).html(), tame: good) { FuzzSupport.fail("self-check: plain addresses fail the check: \(p)") }
        let td = "<td class=\"n\">"
        guard good.contains(td), good.contains("href=\"#c1\""), good.contains("</td>") else { FuzzSupport.fail("self-check: the page has no cell or link to break") }
        func once(_ of: String, _ by: String) -> String {
            guard let r = good.range(of: of) else { FuzzSupport.fail("self-check: no \(of) to break") }
            return good.replacingCharacters(in: r, with: by)
        }
        let broken = [
            "unknown tag": once(td, td + "<img src=x>"),
            "event handler": once(td, "<td class=\"n\" onclick=\"x()\">"),
            "unknown attribute": once(td, "<td class=\"n\" formaction=\"x\">"),
            "quote inside a value": once(td, "<td class=\"n\"x\">"),
            "unquoted value": once(td, "<td class=n>"),
            "raw < in text": once("</td>", " 1 < 2</td>"),
            "raw < in a value": once(td, "<td class=\"<n\">"),
            "bare &": once("</td>", " AT&T</td>"),
            "unknown reference": once("</td>", " &copy;</td>"),
            "reference without ;": once("</td>", " &amp</td>"),
            "javascript: URL": once("href=\"#c1\"", "href=\" JavaScript:alert(1)\""),
            "encoded javascript: URL": once("href=\"#c1\"", "href=\"&#106;avascript:alert(1)\""),
            "comment": once("</td>", "<!-- x --></td>"),
            "extra known tag": once("</td>", "<strong>x</strong></td>"),
            "missing close": once("</td>", ""),
        ]
        for (what, page) in broken.sorted(by: { $0.key < $1.key }) where htmlProblem(page, tame: good) == nil {
            FuzzSupport.fail("self-check: the HTML check accepts a page with a \(what)")
        }
    }
}
