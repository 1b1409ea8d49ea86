import DistillDecode
import DistillScan
import DistillScore

extension HTMLReport {
    /// Series drawn in their own colour; the other members are stacked as one.
    static let timelineSeries = 6
    static let palette = ["#1565c0", "#c62828", "#2e7d32", "#6a1b9a", "#ef6c00", "#00838f", "#9e9e9e"]

    /// A dump shorter than this many days is drawn per hour, a longer one per day.
    static let hourlyTimelineDays = 31

    /// Requests per hour (per day for long dumps) as stacked bars: the busiest members
    /// each in a colour, the rest as "other members". The profile keeps each member's
    /// requests per UTC day and the hours it was active that day; a day's requests are
    /// drawn spread evenly over its active hours (the caption says so). Without member
    /// figures, the campaign's daily totals as one series.
    func timeline(_ c: Campaign) -> String {
        let rows = report.memberRows(c).filter { !$0.days.isEmpty }.sorted { ($1.requests, $0.account) < ($0.requests, $1.account) }
        let allDays = Set(rows.flatMap { $0.days.keys })
        let hourly = !rows.isEmpty && Int(allDays.max()!) - Int(allDays.min()!) < Self.hourlyTimelineDays
        func slots(_ m: MemberFigures) -> [Int: Int] { hourly ? Self.hourSlots(m) : Dictionary(uniqueKeysWithValues: m.days.map { (Int($0.key), $0.value) }) }
        var series: [(name: String, slots: [Int: Int])] = rows.prefix(Self.timelineSeries).map { ($0.account, slots($0)) }
        if rows.count > Self.timelineSeries {
            var other: [Int: Int] = [:]
            for m in rows.dropFirst(Self.timelineSeries) { for (d, n) in slots(m) { other[d, default: 0] &+= n } }
            series.append(("\(rows.count - Self.timelineSeries) other members", other))
        }
        if series.isEmpty {
            var total: [Int: Int] = [:]
            for (day, n) in c.timeline { total[Int(day), default: 0] &+= n }
            series = [("all members", total)]
        }
        let present = Set(series.flatMap { $0.slots.keys })
        guard let first = present.min(), let last = present.max() else { return "<p>No dated requests.</p>\n" }
        // A continuous range shows quiet slots as gaps; a very long one keeps active days only.
        let range: [Int] = last - first < 24 * Self.hourlyTimelineDays ? Array(first...last) : present.sorted()
        let unit = hourly ? "hour" : "day"
        let totals = range.map { d in series.reduce(0) { $0 &+ ($1.slots[d] ?? 0) } }
        let peak = max(1, totals.max() ?? 1)
        let left = 60, top = 10, plotH = 160, width = 900
        let plotW = width - left - 20
        let slot = Double(plotW) / Double(range.count)
        let barW = max(0.5, min(36, slot * 0.8))
        var o =
            "<svg class=\"chart timeline\" role=\"img\" aria-label=\"requests per \(unit)\" xmlns=\"http://www.w3.org/2000/svg\" width=\"\(width)\" height=\"\(plotH + 50)\" viewBox=\"0 0 \(width) \(plotH + 50)\">\n"
        o += "<line x1=\"\(left)\" y1=\"\(top + plotH)\" x2=\"\(width - 20)\" y2=\"\(top + plotH)\" stroke=\"#999\"/>"
        o += "<text x=\"\(left - 6)\" y=\"\(top + 10)\" text-anchor=\"end\" class=\"axis\">\(NumberText.grouped(peak))</text>"
        o += "<text x=\"\(left - 6)\" y=\"\(top + plotH)\" text-anchor=\"end\" class=\"axis\">0</text>\n"
        for (i, d) in range.enumerated() {
            let x = Double(left) + Double(i) * slot + (slot - barW) / 2
            var y = Double(top + plotH)
            for (k, s) in series.enumerated() {
                guard let v = s.slots[d], v > 0 else { continue }
                let h = Double(plotH) * Double(v) / Double(peak)
                y -= h
                o +=
                    "<rect x=\(q(x)) y=\(q(y)) width=\(q(barW)) height=\(q(h)) fill=\"\(colour(k, of: series.count))\"><title>\(slotText(d, hourly)) \(HTMLText.text(s.name, limit: 60)): \(NumberText.grouped(v))</title></rect>"
            }
        }
        o += "\n<text x=\"\(left)\" y=\"\(top + plotH + 16)\" class=\"axis\">\(slotText(range[0], hourly))</text>"
        if range.count > 1 { o += "<text x=\"\(width - 20)\" y=\"\(top + plotH + 16)\" text-anchor=\"end\" class=\"axis\">\(slotText(range[range.count - 1], hourly))</text>" }
        let caption =
            hourly
            ? "\(range.count) hour(s), peak \(NumberText.grouped(peak)) requests/hour (each day's requests spread over the member's active hours)"
            : "\(range.count) day(s), peak \(NumberText.grouped(peak)) requests/day"
        o += "<text x=\"\(left + plotW / 2)\" y=\"\(top + plotH + 34)\" text-anchor=\"middle\" class=\"axis\">\(caption)</text>\n</svg>\n"
        o +=
            "<div class=\"legend\">"
            + series.enumerated().map { "<span><i style=\"background:\(colour($0.offset, of: series.count))\"></i>\(HTMLText.text($0.element.name, limit: 60))</span>" }.joined() + "</div>\n"
        return o
    }

    /// A member's requests per hour (hours since 1970-01-01 UTC): each day's count spread
    /// over the hours it was active, the remainder to the earliest hours (deterministic).
    static func hourSlots(_ m: MemberFigures) -> [Int: Int] {
        var out: [Int: Int] = [:]
        for (day, n) in m.days {
            let mask = m.dayHours[day] ?? 0
            let hours = (0..<24).filter { mask & (1 << UInt32($0)) != 0 }
            guard !hours.isEmpty else { out[Int(day) * 24, default: 0] &+= n; continue }
            let each = n / hours.count, extra = n % hours.count
            for (i, h) in hours.enumerated() { out[Int(day) * 24 + h, default: 0] &+= each + (i < extra ? 1 : 0) }
        }
        return out
    }

    func slotText(_ s: Int, _ hourly: Bool) -> String {
        guard hourly else { return Self.dayText(Int32(s)) }
        let h = s % 24
        return Self.dayText(Int32(s / 24)) + " " + (h < 10 ? "0" : "") + "\(h):00"
    }

    /// The last colour (grey) is kept for "other members".
    func colour(_ k: Int, of count: Int) -> String {
        count > Self.timelineSeries && k == count - 1 ? Self.palette[Self.palette.count - 1] : Self.palette[k % (Self.palette.count - 1)]
    }

    func q(_ x: Double) -> String { "\"" + String(Double(Int((x * 10).rounded())) / 10) + "\"" }

    static func dayText(_ d: Int32) -> String { Timestamp.day(Int64(d) * 86_400_000) }
}
