#if canImport(Glibc)
import Glibc
#endif

/// Decodes the escapes of a JSON string body (already validated by the parser).
enum JSONStringDecoder {
    /// The decoded text of `r`, at most `limit` UTF-8 bytes (cut on a character boundary);
    /// lone surrogate escapes become U+FFFD. Written straight into the string's storage
    /// (a byte array first, then a copy, cost an allocation and a copy per prompt): a
    /// decoded body is never longer than its escaped form, and the loop stops within
    /// 4 bytes past `limit`.
    static func decode(_ r: UnsafeRawBufferPointer, limit: Int) -> String {
        guard r.count > 0, limit > 0 else { return "" }
        return String(unsafeUninitializedCapacity: capacity(r, limit: limit)) { decode(r, limit: limit, into: $0) }
    }

    /// Appends the decoded text of `r` (as `decode(_:limit:)` makes it) to `bytes`.
    static func append(_ r: UnsafeRawBufferPointer, limit: Int, to bytes: inout [UInt8]) {
        guard r.count > 0, limit > 0 else { return }
        let start = bytes.count, room = capacity(r, limit: limit)
        // The room is filled with the escaped bytes themselves (one copy; the decode
        // overwrites them): appending `room` zeros went byte by byte through a generic loop.
        // SAFETY: `room - 4 == min(r.count, limit)` bytes lie in `r`.
        JSONTape.append(UnsafeRawBufferPointer(rebasing: r[0..<(room - 4)]), to: &bytes)
        for _ in 0..<4 { bytes.append(0) }
        let written = bytes.withUnsafeMutableBufferPointer { b in
            // SAFETY: the slice `start..<start + room` was just appended, so it lies in `b`; `decode` writes only inside the slice it is given.
            decode(r, limit: limit, into: UnsafeMutableBufferPointer(rebasing: b[start..<(start + room)]))
        }
        bytes.removeLast(room - written)
    }

    /// Room the decoded text of `r` needs: never longer than its escaped form, and the
    /// loop stops within 4 bytes past `limit`.
    private static func capacity(_ r: UnsafeRawBufferPointer, limit: Int) -> Int { min(r.count, limit) + 4 }

    /// Writes the decoded text of a non-empty `r` to `out` (`capacity` bytes); returns
    /// how many bytes it wrote.
    private static func decode(_ r: UnsafeRawBufferPointer, limit: Int, into out: UnsafeMutableBufferPointer<UInt8>) -> Int {
        let n = r.count
        // SAFETY: every write to `out` is behind a check against `out.count` (runs are cut to the room left, scalars need 4 bytes of room); reads of `r` are below `n` (`i < n`, `hex4`'s `at + 4 <= n`, and an escape letter after a backslash, which a validated body always has).
        var o = 0, i = 0
        func hex4(_ at: Int) -> UInt32? {
            guard at + 4 <= n else { return nil }
            var v: UInt32 = 0
            for k in 0..<4 {
                let c = r[at + k]
                let d: UInt8
                switch c {
                case 0x30...0x39: d = c - 0x30
                case 0x41...0x46: d = c - 0x41 + 10
                case 0x61...0x66: d = c - 0x61 + 10
                default: return nil
                }
                v = v << 4 | UInt32(d)
            }
            return v
        }
        /// Appends a scalar's UTF-8 (U+FFFD for a surrogate); false when out of room.
        func put(scalar v: UInt32) -> Bool {
            guard o + 4 <= out.count else { return false }
            let x = (Unicode.Scalar(v) ?? "\u{FFFD}").value
            if x < 0x80 {
                out[o] = UInt8(x)
                o += 1
            } else if x < 0x800 {
                out[o] = UInt8(0xC0 | x >> 6)
                out[o + 1] = UInt8(0x80 | x & 0x3F)
                o += 2
            } else if x < 0x10000 {
                out[o] = UInt8(0xE0 | x >> 12)
                out[o + 1] = UInt8(0x80 | x >> 6 & 0x3F)
                out[o + 2] = UInt8(0x80 | x & 0x3F)
                o += 3
            } else {
                out[o] = UInt8(0xF0 | x >> 18)
                out[o + 1] = UInt8(0x80 | x >> 12 & 0x3F)
                out[o + 2] = UInt8(0x80 | x >> 6 & 0x3F)
                out[o + 3] = UInt8(0x80 | x & 0x3F)
                o += 4
            }
            return true
        }
        decoding: while i < n && o < limit {
            if r[i] != UInt8(ascii: "\\") {
                // Copy the run up to the next backslash in one go; past `limit + 1`
                // bytes nothing of it is kept (the cut below reads byte `limit` at most).
                let rest = r.baseAddress! + i
                let run = memchr(rest, 0x5C, n - i).map { UnsafeRawPointer($0) - rest } ?? (n - i)
                let room = limit - o
                let take = min(run <= room ? run : room + 1, out.count - o)
                guard take > 0 else { break decoding }
                UnsafeMutableRawPointer(out.baseAddress! + o).copyMemory(from: rest, byteCount: take)
                o += take
                i += run
                continue
            }
            let e = r[i + 1]
            i += 2
            switch e {
            case UInt8(ascii: "u"):
                guard let u = hex4(i) else {
                    guard put(scalar: 0xFFFD) else { break decoding }
                    continue
                }
                i += 4
                var scalar = u
                if (0xD800...0xDBFF).contains(u) {
                    if i + 6 <= n, r[i] == UInt8(ascii: "\\"), r[i + 1] == UInt8(ascii: "u"), let lo = hex4(i + 2), (0xDC00...0xDFFF).contains(lo) {
                        i += 6
                        scalar = 0x10000 + ((u - 0xD800) << 10) + (lo - 0xDC00)
                    }
                    // else a lone high surrogate: U+FFFD
                }
                guard put(scalar: scalar) else { break decoding }
            default:
                guard o < out.count else { break decoding }
                switch e {
                case UInt8(ascii: "n"): out[o] = 0x0A
                case UInt8(ascii: "t"): out[o] = 0x09
                case UInt8(ascii: "r"): out[o] = 0x0D
                case UInt8(ascii: "b"): out[o] = 0x08
                case UInt8(ascii: "f"): out[o] = 0x0C
                default: out[o] = e  // \" \\ \/
                }
                o += 1
            }
        }
        if o > limit {
            var cut = limit
            while cut > 0 && (out[cut] & 0xC0) == 0x80 { cut -= 1 }
            o = cut
        }
        return o
    }
}
