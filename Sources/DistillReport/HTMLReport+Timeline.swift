import DistillDecode
import DistillScore

extension HTMLReport {
    /// Series drawn in their own colour; the other members are stacked as one.
    static let timelineSeries = 6
    static let palette = ["#1565c0", "#c62828", "#2e7d32", "#6a1b9a", "#ef6c00", "#00838f", "#9e9e9e"]

    /// Requests per day as stacked bars: the busiest members each in a colour, the rest
    /// as "other members". Days come from the members' own day counts (the profile keeps
    /// requests per UTC day); without them, the campaign's daily totals as one series.
    func timeline(_ c: Campaign) -> String {
        let rows = report.memberRows(c).filter { !$0.days.isEmpty }.sorted { ($1.requests, $0.account) < ($0.requests, $1.account) }
        var series: [(name: String, days: [Int32: Int])] = rows.prefix(Self.timelineSeries).map { ($0.account, $0.days) }
        if rows.count > Self.timelineSeries {
            var other: [Int32: Int] = [:]
            for m in rows.dropFirst(Self.timelineSeries) { for (d, n) in m.days { other[d, default: 0] &+= n } }
            series.append(("\(rows.count - Self.timelineSeries) other members", other))
        }
        if series.isEmpty {
            var total: [Int32: Int] = [:]
            for (day, n) in c.timeline { if let d = Self.dayNumber(day) { total[d, default: 0] &+= n } }
            series = [("all members", total)]
        }
        let present = Set(series.flatMap { $0.days.keys })
        guard let first = present.min(), let last = present.max() else { return "<p>No dated requests.</p>\n" }
        // A continuous range shows quiet days as gaps; a very long one keeps active days only.
        let days: [Int32] = Int(last) - Int(first) < 400 ? Array(first...last) : present.sorted()
        let totals = days.map { d in series.reduce(0) { $0 &+ ($1.days[d] ?? 0) } }
        let peak = max(1, totals.max() ?? 1)
        let left = 60, top = 10, plotH = 160, width = 900
        let plotW = width - left - 20
        let slot = Double(plotW) / Double(days.count)
        let barW = max(1.0, min(36, slot * 0.8))
        var o = "<svg class=\"chart timeline\" role=\"img\" aria-label=\"requests per day\" xmlns=\"http://www.w3.org/2000/svg\" width=\"\(width)\" height=\"\(plotH + 50)\" viewBox=\"0 0 \(width) \(plotH + 50)\">\n"
        o += "<line x1=\"\(left)\" y1=\"\(top + plotH)\" x2=\"\(width - 20)\" y2=\"\(top + plotH)\" stroke=\"#999\"/>"
        o += "<text x=\"\(left - 6)\" y=\"\(top + 10)\" text-anchor=\"end\" class=\"axis\">\(NumberText.grouped(peak))</text>"
        o += "<text x=\"\(left - 6)\" y=\"\(top + plotH)\" text-anchor=\"end\" class=\"axis\">0</text>\n"
        for (i, d) in days.enumerated() {
            let x = Double(left) + Double(i) * slot + (slot - barW) / 2
            var y = Double(top + plotH)
            for (k, s) in series.enumerated() {
                guard let v = s.days[d], v > 0 else { continue }
                let h = Double(plotH) * Double(v) / Double(peak)
                y -= h
                o += "<rect x=\(q(x)) y=\(q(y)) width=\(q(barW)) height=\(q(h)) fill=\"\(colour(k, of: series.count))\"><title>\(Self.dayText(d)) \(HTMLText.text(s.name, limit: 60)): \(NumberText.grouped(v))</title></rect>"
            }
        }
        o += "\n<text x=\"\(left)\" y=\"\(top + plotH + 16)\" class=\"axis\">\(Self.dayText(days[0]))</text>"
        if days.count > 1 { o += "<text x=\"\(width - 20)\" y=\"\(top + plotH + 16)\" text-anchor=\"end\" class=\"axis\">\(Self.dayText(days[days.count - 1]))</text>" }
        o += "<text x=\"\(left + plotW / 2)\" y=\"\(top + plotH + 34)\" text-anchor=\"middle\" class=\"axis\">\(days.count) day(s), peak \(NumberText.grouped(peak)) requests/day</text>\n</svg>\n"
        o += "<div class=\"legend\">" + series.enumerated().map { "<span><i style=\"background:\(colour($0.offset, of: series.count))\"></i>\(HTMLText.text($0.element.name, limit: 60))</span>" }.joined() + "</div>\n"
        return o
    }

    /// The last colour (grey) is kept for "other members".
    func colour(_ k: Int, of count: Int) -> String {
        count > Self.timelineSeries && k == count - 1 ? Self.palette[Self.palette.count - 1] : Self.palette[k % (Self.palette.count - 1)]
    }

    func q(_ x: Double) -> String { "\"" + String(Double(Int((x * 10).rounded())) / 10) + "\"" }

    static func dayText(_ d: Int32) -> String { Timestamp.day(Int64(d) * 86_400_000) }

    /// `2026-03-01` → days since 1970-01-01.
    static func dayNumber(_ s: String) -> Int32? {
        let p = s.split(separator: "-").compactMap { Int($0) }
        guard p.count == 3 else { return nil }
        return Int32(Timestamp.daysFromCivil(p[0], p[1], p[2]))
    }
}
