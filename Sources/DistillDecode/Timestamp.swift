/// Parses the timestamp shapes found in real logs into epoch milliseconds.
package enum Timestamp {
    /// RFC 3339 / ISO 8601 (`2026-06-03T14:02:11.532Z`, `+02:00` offsets, space instead
    /// of `T`, no zone meaning UTC), or a number in epoch seconds, milliseconds,
    /// microseconds or nanoseconds (told apart by magnitude).
    /// Records' plausible times, in epoch milliseconds: 1990-01-01 to 2100-01-01 (UTC).
    package static let plausibleRange: ClosedRange<Int64> = 631_152_000_000...4_102_444_800_000

    package static func parse(_ tape: JSONTape, _ i: Int) -> Int64? {
        switch tape.kind(i) {
        case .number: return tape.double(i).flatMap(fromEpoch)
        case .string:
            let r = tape._unsafeRaw(i)
            if let f = r.first, f >= 0x30 && f <= 0x39, r.allSatisfy({ ($0 >= 0x30 && $0 <= 0x39) || $0 == UInt8(ascii: ".") }) {
                return tape.double(i).flatMap(fromEpoch)
            }
            // The same range as epoch numbers: years 0000 or 9999 are not log times.
            guard let ms = parseRFC3339(r), plausibleRange.contains(ms) else { return nil }
            return ms
        default: return nil
        }
    }

    /// Epoch value of unknown unit → milliseconds (plausible range 1990–2100 only).
    package static func fromEpoch(_ v: Double) -> Int64? {
        guard v.isFinite, v > 0 else { return nil }
        let ms: Double
        if v < 1e11 { ms = v * 1000 } else if v < 1e14 { ms = v } else if v < 1e17 { ms = v / 1000 } else { ms = v / 1_000_000 }
        guard ms >= Double(plausibleRange.lowerBound), ms <= Double(plausibleRange.upperBound) else { return nil }
        return Int64(ms.rounded(.down))
    }

    /// Days in a month of the proleptic Gregorian calendar.
    package static func daysIn(month m: Int, year y: Int) -> Int {
        switch m {
        case 2: return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    package static func parseRFC3339(_ r: some RandomAccessCollection<UInt8>) -> Int64? {
        // Read in place (one per record): no copy unless the bytes are not contiguous.
        // SAFETY: the bytes are viewed only during the closure; `rfc3339` reads `b[k]` only below a checked count (`b.count >= 10`, `num`'s `from + len <= b.count`, `p < b.count`).
        if let v = r.withContiguousStorageIfAvailable({ rfc3339(UnsafeRawBufferPointer($0)) }) { return v }
        return Array(r).withUnsafeBytes { rfc3339($0) }
    }

    private static func rfc3339(_ b: UnsafeRawBufferPointer) -> Int64? {
        func num(_ from: Int, _ len: Int) -> Int? {
            guard from + len <= b.count else { return nil }
            var v = 0
            for k in from..<(from + len) {
                let c = b[k]
                guard c >= 0x30 && c <= 0x39 else { return nil }
                v = v * 10 + Int(c - 0x30)
            }
            return v
        }
        guard b.count >= 10, let y = num(0, 4), b[4] == UInt8(ascii: "-"), let mo = num(5, 2),
            b[7] == UInt8(ascii: "-"), let d = num(8, 2), (1...12).contains(mo), d >= 1, d <= daysIn(month: mo, year: y)
        else { return nil }
        var h = 0, mi = 0, s = 0, fracMs = 0
        var p = 10
        if p < b.count {
            guard b[p] == UInt8(ascii: "T") || b[p] == UInt8(ascii: "t") || b[p] == UInt8(ascii: " ") else { return nil }
            guard let hh = num(p + 1, 2), b.count > p + 3, b[p + 3] == UInt8(ascii: ":"), let mm = num(p + 4, 2) else { return nil }
            h = hh; mi = mm; p += 6
            if p < b.count && b[p] == UInt8(ascii: ":") {
                guard let ss = num(p + 1, 2) else { return nil }
                s = ss; p += 3
            }
            if p < b.count && (b[p] == UInt8(ascii: ".") || b[p] == UInt8(ascii: ",")) {
                p += 1
                var digits = 0
                while p < b.count, b[p] >= 0x30 && b[p] <= 0x39 {
                    if digits < 3 { fracMs = fracMs * 10 + Int(b[p] - 0x30) }
                    digits += 1; p += 1
                }
                guard digits > 0 else { return nil }
                for _ in digits..<max(digits, 3) { fracMs *= 10 }
            }
            guard h < 24, mi < 60, s <= 60 else { return nil }
        }
        var offsetMinutes = 0
        if p < b.count {
            let z = b[p]
            if z == UInt8(ascii: "Z") || z == UInt8(ascii: "z") {
                p += 1
            } else if z == UInt8(ascii: "+") || z == UInt8(ascii: "-") {
                guard let oh = num(p + 1, 2) else { return nil }
                var om = 0
                if p + 3 < b.count && b[p + 3] == UInt8(ascii: ":") { guard let m = num(p + 4, 2) else { return nil }; om = m; p += 6 } else if let m = num(p + 3, 2) { om = m; p += 5 } else { p += 3 }
                guard oh < 24, om < 60 else { return nil }
                offsetMinutes = (oh * 60 + om) * (z == UInt8(ascii: "-") ? -1 : 1)
            }
            guard p == b.count else { return nil }
        }
        let days = daysFromCivil(y, mo, d)
        let secs = Int64(days) * 86400 + Int64(h * 3600 + mi * 60 + s) - Int64(offsetMinutes * 60)
        return secs * 1000 + Int64(fracMs)
    }

    /// Days since 1970-01-01 for a proleptic Gregorian date (Howard Hinnant's algorithm).
    package static func daysFromCivil(_ y0: Int, _ m: Int, _ d: Int) -> Int {
        let y = m <= 2 ? y0 - 1 : y0
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146097 + doe - 719468
    }

    /// `YYYY-MM-DD` of an epoch-millisecond time (UTC).
    package static func day(_ ms: Int64) -> String {
        let (y, m, d) = civil(Int(floorDiv(ms, 86_400_000)))
        return pad(y, 4) + "-" + pad(m, 2) + "-" + pad(d, 2)
    }

    /// RFC 3339 text (UTC, second precision) of an epoch-millisecond time.
    package static func format(_ ms: Int64) -> String {
        let secs = floorDiv(ms, 1000)
        let dayPart = floorDiv(secs, 86400)
        let rem = Int(secs - dayPart * 86400)
        return day(ms) + "T" + pad(rem / 3600, 2) + ":" + pad(rem / 60 % 60, 2) + ":" + pad(rem % 60, 2) + "Z"
    }

    /// RFC 3339 text (UTC, millisecond precision) of an epoch-millisecond time.
    package static func formatMillis(_ ms: Int64) -> String {
        let second = format(ms)
        let frac = Int(ms - floorDiv(ms, 1000) * 1000)
        return String(second.dropLast()) + "." + pad(frac, 3) + "Z"
    }

    package static func civil(_ z0: Int) -> (Int, Int, Int) {
        let z = z0 + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let doe = z - era * 146097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }

    static func floorDiv(_ a: Int64, _ b: Int64) -> Int64 { a >= 0 ? a / b : -((-a + b - 1) / b) }
    static func pad(_ v: Int, _ w: Int) -> String {
        let s = String(v)
        return s.count >= w ? s : String(repeating: "0", count: w - s.count) + s
    }
}
