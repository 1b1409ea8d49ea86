import DistillScore

extension HTMLReport {
    static let kindColours = [
        "payment": "#c62828", "email domain": "#6a1b9a", "ip": "#1565c0", "subnet": "#42a5f5",
        "client": "#2e7d32", "family": "#ef6c00", "timing": "#616161",
    ]

    /// The members (groups sharing the same infrastructure collapsed, with a count) on the
    /// left, the shared values on the right, a line per group-to-value link: a bipartite
    /// layout drawn in fixed rows, so a big campaign stays readable (see `CampaignGraph`).
    func graph(_ c: Campaign) -> String {
        let g = CampaignGraph(report: report, campaign: c)
        guard !g.nodes.isEmpty else {
            return "<p>No infrastructure value is shared by two or more members in the member table (the link evidence is timing or prompt families: see the signals).</p>\n"
        }
        let rowH = 24, top = 24, width = 900, boxW = 300, nodeX = 540, nodeW = 340
        let everyone = g.common.isEmpty ? 0 : 1
        let rows = max(g.groups.count + everyone, g.nodes.count)
        let height = top + rows * rowH + 20
        func gy(_ i: Int) -> Int { top + (i + everyone) * rowH + (rows - g.groups.count - everyone) * rowH / 2 }
        func ny(_ i: Int) -> Int { top + i * rowH + (rows - g.nodes.count) * rowH / 2 }
        var o =
            "<svg class=\"chart graph\" role=\"img\" aria-label=\"members and shared infrastructure\" xmlns=\"http://www.w3.org/2000/svg\" width=\"\(width)\" height=\"\(height)\" viewBox=\"0 0 \(width) \(height)\">\n"
        o += "<text x=\"10\" y=\"14\" class=\"axis\">members (same links collapsed)</text><text x=\"\(nodeX)\" y=\"14\" class=\"axis\">shared by ≥ 2 members</text>\n"
        for (i, grp) in g.groups.enumerated() {
            for k in grp.nodes {
                let colour = Self.kindColours[g.nodes[k].kind] ?? "#999"
                let w = min(6, 1 + grp.members.count / 5)
                o += "<line x1=\"\(10 + boxW)\" y1=\"\(gy(i) + 9)\" x2=\"\(nodeX)\" y2=\"\(ny(k) + 9)\" stroke=\"\(colour)\" stroke-opacity=\"0.45\" stroke-width=\"\(w)\"/>"
            }
        }
        if everyone == 1 {
            let y = gy(-1)
            for k in g.common {
                o +=
                    "<line x1=\"\(10 + boxW)\" y1=\"\(y + 9)\" x2=\"\(nodeX)\" y2=\"\(ny(k) + 9)\" stroke=\"\(Self.kindColours[g.nodes[k].kind] ?? "#999")\" stroke-opacity=\"0.6\" stroke-width=\"4\"/>"
            }
            o += "<rect x=\"10\" y=\"\(y)\" width=\"\(boxW)\" height=\"18\" rx=\"3\" fill=\"#cfd8dc\" stroke=\"#455a64\"/>"
            o += "<text x=\"16\" y=\"\(y + 13)\" class=\"label\">every member (\(NumberText.grouped(c.accounts.count)))</text>"
        }
        o += "\n"
        for (i, grp) in g.groups.enumerated() {
            let label = CampaignGraph.label(grp)
            o +=
                "<rect x=\"10\" y=\"\(gy(i))\" width=\"\(boxW)\" height=\"18\" rx=\"3\" fill=\"#eceff1\" stroke=\"#90a4ae\"><title>\(HTMLText.text(grp.members.prefix(20).joined(separator: ", "), limit: 1200))\(grp.members.count > 20 ? " …" : "")</title></rect>"
            o += "<text x=\"16\" y=\"\(gy(i) + 13)\" class=\"label\">\(HTMLText.text(label, limit: 44)) · \(NumberText.grouped(grp.requests)) req</text>\n"
        }
        for (k, node) in g.nodes.enumerated() {
            let colour = Self.kindColours[node.kind] ?? "#999"
            o += "<rect x=\"\(nodeX)\" y=\"\(ny(k))\" width=\"\(nodeW)\" height=\"18\" rx=\"9\" fill=\"#fff\" stroke=\"\(colour)\" stroke-width=\"2\"/>"
            o += "<text x=\"\(nodeX + 10)\" y=\"\(ny(k) + 13)\" class=\"label\">\(HTMLText.escape(node.kind)) \(HTMLText.text(node.value, limit: 40)) · \(node.members)</text>\n"
        }
        o += "</svg>\n"
        if g.omittedGroups > 0 {
            o += "<p>\(g.omittedGroups) smaller group(s) of \(NumberText.grouped(g.omittedMembers)) member(s) not drawn; every member is in the table below.</p>\n"
        }
        return o
    }
}
