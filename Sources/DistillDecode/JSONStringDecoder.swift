#if canImport(Glibc)
import Glibc
#endif

/// Decodes the escapes of a JSON string body (already validated by the parser).
enum JSONStringDecoder {
    static func decode(_ r: UnsafeRawBufferPointer, limit: Int) -> String {
        var out = [UInt8]()
        out.reserveCapacity(min(r.count, limit))
        var i = 0
        func appendScalar(_ v: UInt32) {
            let s = Unicode.Scalar(v) ?? "\u{FFFD}"
            var buf = [UInt8]()
            UTF8.encode(s) { buf.append($0) }
            out.append(contentsOf: buf)
        }
        func hex4(_ at: Int) -> UInt32? {
            guard at + 4 <= r.count else { return nil }
            var v: UInt32 = 0
            for k in 0..<4 {
                // SAFETY: `at + 4 <= r.count` (guard above), so `at + k` is in `r`.
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
        while i < r.count && out.count < limit {
            // Copy the run up to the next backslash in one go.
            // SAFETY: `i < r.count` (loop condition); `memchr` searches only `rest`, the `r.count - i` bytes from `i`, so `0..<run` lies in `r`.
            if r[i] != UInt8(ascii: "\\") {
                let rest = UnsafeRawBufferPointer(rebasing: r[i...])
                let run = memchr(rest.baseAddress!, 0x5C, rest.count).map { $0 - UnsafeMutableRawPointer(mutating: rest.baseAddress!) } ?? rest.count
                out.append(contentsOf: UnsafeRawBufferPointer(rebasing: rest[0..<run]))
                i += run
                continue
            }
            // SAFETY: `r` is a string body the parser validated (or a suffix of one starting outside any escape), so a backslash is always followed by its escape letter: `i + 1 < r.count`.
            let e = r[i + 1]
            i += 2
            switch e {
            case UInt8(ascii: "n"): out.append(0x0A)
            case UInt8(ascii: "t"): out.append(0x09)
            case UInt8(ascii: "r"): out.append(0x0D)
            case UInt8(ascii: "b"): out.append(0x08)
            case UInt8(ascii: "f"): out.append(0x0C)
            case UInt8(ascii: "u"):
                guard let u = hex4(i) else { appendScalar(0xFFFD); continue }
                i += 4
                if (0xD800...0xDBFF).contains(u) {
                    // SAFETY: `i + 6 <= r.count` is checked before `r[i]` and `r[i + 1]` are read.
                    if i + 6 <= r.count, r[i] == UInt8(ascii: "\\"), r[i + 1] == UInt8(ascii: "u"),
                        let lo = hex4(i + 2), (0xDC00...0xDFFF).contains(lo)
                    {
                        i += 6
                        appendScalar(0x10000 + ((u - 0xD800) << 10) + (lo - 0xDC00))
                    } else {
                        appendScalar(0xFFFD)  // lone high surrogate
                    }
                } else if (0xDC00...0xDFFF).contains(u) {
                    appendScalar(0xFFFD)  // lone low surrogate
                } else {
                    appendScalar(u)
                }
            default: out.append(e)  // \" \\ \/
            }
        }
        if out.count > limit {
            var cut = limit
            while cut > 0 && (out[cut] & 0xC0) == 0x80 { cut -= 1 }
            out.removeSubrange(cut...)
        }
        return String(decoding: out, as: UTF8.self)
    }
}
