/// An IPv4 or IPv6 address read from its text form, as 16 bytes (IPv4 as the IPv4-mapped
/// IPv6 address, RFC 4291 §2.5.5.2), with the subnet arithmetic the profile and the
/// reports share: the /24 of an IPv4 address, the /48 of an IPv6 one. Parsed from bytes
/// without Foundation or libc (it runs for every request that carries an address).
package struct IPAddress: Hashable, Sendable, CustomStringConvertible {
    /// The 128 bits, most significant first.
    package private(set) var high: UInt64
    package private(set) var low: UInt64

    package init(high: UInt64, low: UInt64) {
        self.high = high
        self.low = low
    }

    /// An IPv4 address (or IPv4-mapped IPv6, which names the same host).
    package var isV4: Bool { high == 0 && low >> 32 == 0xFFFF }

    /// The prefix length of the subnet that groups an address's neighbours: /24 for
    /// IPv4 (a provider's block), /48 for IPv6 (one site, RFC 6177).
    package var subnetPrefix: Int { isV4 ? 24 : 48 }

    /// The network address of the subnet (`subnetPrefix` bits kept).
    package var subnet: IPAddress { masked(prefix: isV4 ? 96 + 24 : 48) }

    /// The first `prefix` of the 128 bits kept, the rest zero.
    package func masked(prefix: Int) -> IPAddress {
        let p = min(max(prefix, 0), 128)
        let hi = p >= 64 ? high : (p == 0 ? 0 : high & ~(UInt64.max >> UInt64(p)))
        let lo = p <= 64 ? 0 : (p == 128 ? low : low & ~(UInt64.max >> UInt64(p - 64)))
        return IPAddress(high: hi, low: lo)
    }

    /// The subnet as text: `192.0.2.0/24`, `2001:db8::/48`.
    package var subnetText: String { subnet.description + (isV4 ? "/24" : "/48") }

    /// Dotted quad for IPv4, RFC 5952 text for IPv6 (lower case, the longest run of two or
    /// more zero groups written `::`, the first of equal runs).
    package var description: String {
        if isV4 {
            let v = UInt32(truncatingIfNeeded: low)
            return "\(v >> 24).\((v >> 16) & 0xFF).\((v >> 8) & 0xFF).\(v & 0xFF)"
        }
        let groups = (0..<8).map { i -> UInt16 in
            let word = i < 4 ? high : low
            return UInt16(truncatingIfNeeded: word >> UInt64(48 - 16 * (i % 4)))
        }
        var best = (start: -1, length: 1)
        var i = 0
        while i < 8 {
            guard groups[i] == 0 else { i += 1; continue }
            var j = i
            while j < 8 && groups[j] == 0 { j += 1 }
            if j - i > best.length { best = (i, j - i) }
            i = j
        }
        func hex(_ r: Range<Int>) -> String { r.map { String(groups[$0], radix: 16) }.joined(separator: ":") }
        guard best.start >= 0 else { return hex(0..<8) }
        return hex(0..<best.start) + "::" + hex((best.start + best.length)..<8)
    }

    /// The address in `text`, also written with a port (`192.0.2.1:8080`,
    /// `[2001:db8::1]:443`) or a zone (`fe80::1%eth0`); nil when it is not an address.
    package init?(_ text: String) {
        // SAFETY: the bytes are parsed only inside the closure.
        guard let parsed = text.withUTF8Buffer({ IPAddress.parse($0) }) else { return nil }
        self = parsed
    }

    /// `init(_:)` over UTF-8 bytes.
    package static func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> IPAddress? {
        // SAFETY: every `bytes[i]` read here is behind `start <= i < end <= bytes.count` (or `start < end`), and `parseV4`/`parseV6` get `start...end` within `bytes`.
        var start = 0, end = bytes.count
        while start < end && bytes[start] == UInt8(ascii: " ") { start += 1 }
        while end > start && bytes[end - 1] == UInt8(ascii: " ") { end -= 1 }
        guard start < end else { return nil }
        if bytes[start] == UInt8(ascii: "[") {
            guard let close = (start..<end).first(where: { bytes[$0] == UInt8(ascii: "]") }) else { return nil }
            start += 1
            end = close
        }
        if let zone = (start..<end).first(where: { bytes[$0] == UInt8(ascii: "%") }) { end = zone }
        var colons = 0
        for i in start..<end where bytes[i] == UInt8(ascii: ":") { colons += 1 }
        if colons == 0 { return parseV4(bytes, start, end).map { IPAddress(high: 0, low: 0xFFFF_0000_0000 | UInt64($0)) } }
        if colons == 1 {  // IPv4 with a port
            let colon = (start..<end).first { bytes[$0] == UInt8(ascii: ":") }!
            return parseV4(bytes, start, colon).map { IPAddress(high: 0, low: 0xFFFF_0000_0000 | UInt64($0)) }
        }
        return parseV6(bytes, start, end)
    }

    /// A dotted quad: four decimal parts 0–255 without leading zeros (which some parsers
    /// read as octal: refused rather than guessed).
    static func parseV4(_ b: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> UInt32? {
        var value: UInt32 = 0, part: UInt32 = 0, digits = 0, parts = 0
        var i = start
        while i <= end {
            // SAFETY: `b[i]` is read only when `i < end <= b.count`.
            if i == end || b[i] == UInt8(ascii: ".") {
                guard digits > 0, parts < 4 else { return nil }
                value = value << 8 | part
                parts += 1
                part = 0
                digits = 0
            } else {
                let d = b[i] &- UInt8(ascii: "0")
                guard d <= 9, digits < 3, !(digits == 1 && part == 0) else { return nil }
                part = part * 10 + UInt32(d)
                guard part <= 255 else { return nil }
                digits += 1
            }
            i += 1
        }
        return parts == 4 ? value : nil
    }

    /// Eight hexadecimal groups, one `::` standing for one or more zero groups, and an
    /// optional dotted-quad tail for the last two groups.
    static func parseV6(_ b: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> IPAddress? {
        var groups = [UInt16](), gapAt: Int? = nil
        groups.reserveCapacity(8)
        var i = start
        // SAFETY: `b[start + 1]` is read after `end - start >= 2`; `b[j]` and `b[k]` with `j, k < end <= b.count`.
        if end - start >= 2 && b[start] == UInt8(ascii: ":") {
            guard b[start + 1] == UInt8(ascii: ":") else { return nil }
            gapAt = 0
            i += 2
        }
        while i < end {
            var j = i
            while j < end && b[j] != UInt8(ascii: ":") { j += 1 }
            if j < end && j == i {  // "::" in the middle
                guard gapAt == nil, i > start else { return nil }
                gapAt = groups.count
                i += 1
                continue
            }
            if (i..<j).contains(where: { b[$0] == UInt8(ascii: ".") }) {
                guard j == end, let v4 = parseV4(b, i, j), groups.count <= 6 else { return nil }
                groups.append(UInt16(v4 >> 16))
                groups.append(UInt16(v4 & 0xFFFF))
                i = j
                break
            }
            guard j - i >= 1, j - i <= 4 else { return nil }
            var g: UInt16 = 0
            for k in i..<j {
                guard let h = hexValue(b[k]) else { return nil }
                g = g << 4 | UInt16(h)
            }
            groups.append(g)
            guard groups.count <= 8 else { return nil }
            if j == end { i = j; break }
            i = j + 1
            guard i < end else { return nil }  // a single trailing colon
        }
        if let gap = gapAt {
            guard groups.count <= 7 else { return nil }
            groups.insert(contentsOf: repeatElement(0, count: 8 - groups.count), at: gap)
        }
        guard groups.count == 8 else { return nil }
        let hi = groups[0..<4].reduce(UInt64(0)) { $0 << 16 | UInt64($1) }
        let lo = groups[4..<8].reduce(UInt64(0)) { $0 << 16 | UInt64($1) }
        return IPAddress(high: hi, low: lo)
    }

    static func hexValue(_ c: UInt8) -> UInt8? {
        switch c {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return c - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return c - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return c - UInt8(ascii: "A") + 10
        default: return nil
        }
    }
}
