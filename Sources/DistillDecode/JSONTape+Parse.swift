import CByteScan

#if canImport(Glibc)
import Glibc
#endif

/// Why a line is not an acceptable JSON document.
package enum JSONParseError: Error, Equatable, Sendable {
    case invalidJSON(offset: Int)
    case invalidUTF8(offset: Int)
    case nulByte(offset: Int)
    case tooDeep(limit: Int)
    /// Longer than the tape can address (`JSONTape.maxDocumentBytes`).
    case tooLong(limit: Int)
}

extension JSONTape {
    /// Parses and validates one JSON document (the whole of `line`, surrounding
    /// whitespace allowed), reusing this tape's storage.
    package mutating func parse(_ line: UnsafeRawBufferPointer, maxDepth: Int) throws(JSONParseError) {
        let storage = self.storage
        storage.shrink(to: 256)
        storage.count = 0
        // SAFETY: `out` is `storage.base`, re-read after every `grow`/`shrink`; writes go to `out[count]` with `count < storage.capacity` (checked in `push`) and to `out[closed]`, a node already pushed; `out[top]` is read only for `0 <= top < count`, a pushed open container; `Node` is trivial, so assigning into fresh slots is fine.
        var out = storage.base
        var count = 0
        // A failed parse leaves no nodes: open containers' `next` still holds the chain below.
        var parsed = false
        defer { storage.count = parsed ? count : 0 }
        @inline(__always) func push(_ node: Node) {
            if count == storage.capacity { storage.grow(keeping: count); out = storage.base }
            out[count] = node
            count += 1
        }
        // SAFETY: the tape keeps a view of `line`; callers read it through the tape only while they keep `line` alive (the decoders, within the call that parsed it).
        _unsafeBytes = line
        // Offsets are 32-bit: a longer line is refused, never wrapped or trapped on. Every
        // offset and node count below is at most `n`, so their conversions are exact.
        guard line.count <= Self.maxDocumentBytes else { throw .tooLong(limit: Self.maxDocumentBytes) }
        // SAFETY: every `base[p]` below is read after `p < n == line.count` is checked (or `p + len <= n`, or a word load's `q + 8 <= n`), so nothing outside `line` is read.
        guard let base = line.baseAddress?.assumingMemoryBound(to: UInt8.self) else { throw .invalidJSON(offset: 0) }
        let n = line.count
        let wide = scansWide
        var p = 0
        // The innermost open container (-1: none) and how many are open. An open
        // container's `next` holds the container around it until it closes, so the open
        // ones form a chain through the tape itself: no stack array to check and grow.
        var top: Int32 = -1
        var depth = 0
        var expectingKey = false
        @inline(__always) func skipWS() {
            // JSONL is mostly written without whitespace between tokens: a byte above 0x20
            // settles the call with one compare.
            while p < n {
                let c = base[p]
                if c > 0x20 { break }
                if c == 0x20 || c == 0x0A || c == 0x0D || c == 0x09 { p += 1 } else { break }
            }
        }
        skipWS()
        while true {
            guard p < n else { throw .invalidJSON(offset: p) }
            // Parse one value (or a key when inside an object expecting one).
            let c = base[p]
            if expectingKey {
                guard c == UInt8(ascii: "\"") else { throw .invalidJSON(offset: p) }
            }
            // A node starts at a byte of its own, so `count < n <= maxDocumentBytes` (Int32.max).
            let idx = Int32(truncatingIfNeeded: count)
            if c == UInt8(ascii: "\"") {
                // Strings first: keys and most values are (three in four nodes).
                let start = p + 1
                // Most strings (keys, ids, short values) are plain ASCII: their closing
                // quote is the first special byte, found 16 bytes at a time without a
                // call; anything else goes on in `scanString` from that byte.
                // SAFETY: `start <= n` (`p < n`); the scan reads only `base[start..<n]` and returns an offset in `start...n`, and `base[at]` is read only when `at < n`.
                let at = distill_json_string_special(base, start, n, wide)
                let (end, escaped) = at < n && base[at] == UInt8(ascii: "\"") ? (at, false) : try scanString(base, n, at)
                push(Node(kind: .string, escaped: escaped, start: Int32(truncatingIfNeeded: start), end: Int32(truncatingIfNeeded: end), next: idx &+ 1))
                p = end + 1
                if expectingKey {
                    // SAFETY: `base[p]` and `base[p + 1]` are read only below `n`.
                    if p + 1 < n && base[p] == UInt8(ascii: ":") && base[p + 1] > 0x20 {
                        p += 1
                    } else {
                        skipWS()
                        guard p < n, base[p] == UInt8(ascii: ":") else { throw .invalidJSON(offset: p) }
                        p += 1
                        skipWS()
                    }
                    expectingKey = false
                    continue
                }
            } else {
                switch c {
                case UInt8(ascii: "{"), UInt8(ascii: "["):
                    if depth >= maxDepth { throw .tooDeep(limit: maxDepth) }
                    let openedAt = p
                    p += 1
                    skipWS()
                    if p < n && (base[p] == UInt8(ascii: "}") || base[p] == UInt8(ascii: "]")) {
                        guard (base[p] == UInt8(ascii: "}")) == (c == UInt8(ascii: "{")) else { throw .invalidJSON(offset: p) }
                        p += 1
                        push(Node(kind: c == UInt8(ascii: "{") ? .object : .array, escaped: false, start: Int32(truncatingIfNeeded: openedAt), end: Int32(truncatingIfNeeded: p), next: idx &+ 1))
                    } else {
                        push(Node(kind: c == UInt8(ascii: "{") ? .object : .array, escaped: false, start: Int32(truncatingIfNeeded: openedAt), end: 0, next: top))
                        top = idx
                        depth += 1
                        expectingKey = c == UInt8(ascii: "{")
                        continue
                    }
                case UInt8(ascii: "t"), UInt8(ascii: "f"), UInt8(ascii: "n"):
                    let word: StaticString = c == UInt8(ascii: "t") ? "true" : c == UInt8(ascii: "f") ? "false" : "null"
                    let len = word.utf8CodeUnitCount
                    // SAFETY: `p + len <= n` is checked before the compare, and `word` has `len` bytes.
                    guard p + len <= n, memcmp(base + p, word.utf8Start, len) == 0 else { throw .invalidJSON(offset: p) }
                    push(Node(kind: c == UInt8(ascii: "n") ? .null : .bool, escaped: false, start: Int32(truncatingIfNeeded: p), end: Int32(truncatingIfNeeded: p + len), next: idx &+ 1))
                    p += len
                case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                    let end = try scanNumber(base, n, p)
                    push(Node(kind: .number, escaped: false, start: Int32(truncatingIfNeeded: p), end: Int32(truncatingIfNeeded: end), next: idx &+ 1))
                    p = end
                case 0: throw .nulByte(offset: p)
                default: throw .invalidJSON(offset: p)
                }
            }
            // After a value: close containers or move to the next element.
            while true {
                skipWS()
                guard top >= 0 else {
                    // SAFETY: `p <= n` holds after every value, so `p != n` means `base[p]` is in `line`.
                    guard p == n else { throw base[p] == 0 ? .nulByte(offset: p) : .invalidJSON(offset: p) }
                    parsed = true
                    return
                }
                guard p < n else { throw .invalidJSON(offset: p) }
                let isObject = out[Int(top)].kind == .object
                let d = base[p]
                if d == UInt8(ascii: ",") {
                    p += 1
                    skipWS()
                    expectingKey = isObject
                    break
                }
                guard d == (isObject ? UInt8(ascii: "}") : UInt8(ascii: "]")) else {
                    throw d == 0 ? .nulByte(offset: p) : .invalidJSON(offset: p)
                }
                p += 1
                let closed = Int(top)
                top = out[closed].next
                depth -= 1
                out[closed].end = Int32(truncatingIfNeeded: p)
                out[closed].next = Int32(truncatingIfNeeded: count)
            }
        }
    }

    /// Scans a string body from `start` (after the quote, or at its first special byte);
    /// returns the closing quote's offset.
    @inline(__always)
    private func scanString(_ base: UnsafePointer<UInt8>, _ n: Int, _ start: Int) throws(JSONParseError) -> (Int, Bool) {
        var p = start
        var escaped = false
        while p < n {
            // Skip plain ASCII bytes (no quote, backslash, control or non-ASCII byte).
            // SAFETY: `p < n`; the scan reads only `base[p..<n]` and returns an offset in `p...n`; every byte read below is checked first (`p < n`, `p + 1 < n`, `p + 6 <= n`).
            p = distill_json_string_special(base, p, n, scansWide)
            guard p < n else { break }
            let c = base[p]
            if c == UInt8(ascii: "\"") { return (p, escaped) }
            if c == UInt8(ascii: "\\") {
                guard p + 1 < n else { throw .invalidJSON(offset: p) }
                let e = base[p + 1]
                switch e {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"), UInt8(ascii: "b"),
                    UInt8(ascii: "f"), UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"):
                    p += 2
                case UInt8(ascii: "u"):
                    guard p + 6 <= n else { throw .invalidJSON(offset: p) }
                    for k in 2..<6 where !isHex(base[p + k]) { throw .invalidJSON(offset: p + k) }
                    p += 6
                default: throw .invalidJSON(offset: p)
                }
                escaped = true
                continue
            }
            if c < 0x20 { throw c == 0 ? .nulByte(offset: p) : .invalidJSON(offset: p) }
            if c < 0x80 { p += 1; continue }
            p = try validateUTF8(base, n, p)
        }
        throw .invalidJSON(offset: p)
    }

    /// Validates one multi-byte UTF-8 sequence at `p`; returns the offset after it.
    @inline(__always)
    private func validateUTF8(_ base: UnsafePointer<UInt8>, _ n: Int, _ p: Int) throws(JSONParseError) -> Int {
        // SAFETY: callers pass `p < n`; `cont` checks `i < n` before it reads, and `base[p + 1]` is read only after `cont(p + 1)`.
        let c = base[p]
        @inline(__always) func cont(_ i: Int) -> Bool { i < n && base[i] & 0xC0 == 0x80 }
        if c >= 0xC2 && c <= 0xDF {
            guard cont(p + 1) else { throw .invalidUTF8(offset: p) }
            return p + 2
        }
        if c >= 0xE0 && c <= 0xEF {
            guard cont(p + 1), cont(p + 2) else { throw .invalidUTF8(offset: p) }
            let b1 = base[p + 1]
            if c == 0xE0 && b1 < 0xA0 { throw .invalidUTF8(offset: p) }  // overlong
            if c == 0xED && b1 >= 0xA0 { throw .invalidUTF8(offset: p) }  // surrogate
            return p + 3
        }
        if c >= 0xF0 && c <= 0xF4 {
            guard cont(p + 1), cont(p + 2), cont(p + 3) else { throw .invalidUTF8(offset: p) }
            let b1 = base[p + 1]
            if c == 0xF0 && b1 < 0x90 { throw .invalidUTF8(offset: p) }
            if c == 0xF4 && b1 >= 0x90 { throw .invalidUTF8(offset: p) }
            return p + 4
        }
        throw .invalidUTF8(offset: p)
    }

    @inline(__always)
    private func scanNumber(_ base: UnsafePointer<UInt8>, _ n: Int, _ start: Int) throws(JSONParseError) -> Int {
        var p = start
        @inline(__always) func digit(_ i: Int) -> Bool { i < n && base[i] >= 0x30 && base[i] <= 0x39 }
        // SAFETY: callers pass `start < n`; every later read is behind `digit(i)` or `p < n`, which check the bound, or in `digitsEnd`.
        if base[p] == UInt8(ascii: "-") { p += 1 }
        guard digit(p) else { throw .invalidJSON(offset: p) }
        if base[p] == 0x30 { p += 1 } else { p = digitsEnd(base, n, p) }
        if p < n && base[p] == UInt8(ascii: ".") {
            p += 1
            guard digit(p) else { throw .invalidJSON(offset: p) }
            p = digitsEnd(base, n, p)
        }
        if p < n && (base[p] == UInt8(ascii: "e") || base[p] == UInt8(ascii: "E")) {
            p += 1
            if p < n && (base[p] == UInt8(ascii: "+") || base[p] == UInt8(ascii: "-")) { p += 1 }
            guard digit(p) else { throw .invalidJSON(offset: p) }
            p = digitsEnd(base, n, p)
        }
        return p
    }

    /// The end of the run of ASCII digits from `p` (`p <= n`), eight bytes at a time: an
    /// epoch has ten digits, and a loop's exit after a varying count was a mispredicted
    /// branch per number.
    @inline(__always)
    private func digitsEnd(_ base: UnsafePointer<UInt8>, _ n: Int, _ start: Int) -> Int {
        var p = start
        let highs: UInt64 = 0x8080_8080_8080_8080
        while p + 8 <= n {
            // SAFETY: `p + 8 <= n`, so the 8-byte load lies in the line.
            let w = UInt64(littleEndian: UnsafeRawPointer(base + p).loadUnaligned(as: UInt64.self))
            // Per byte, with its top bit cleared (x <= 0x7F, so neither sum crosses into the
            // next byte): below '0' leaves the top bit of (x | 0x80) - 0x30 clear, above '9'
            // sets the top bit of x + 0x46; a byte with its own top bit set is no digit.
            let x = w & ~highs
            let below = ~((x | highs) &- 0x3030_3030_3030_3030) & highs
            let above = (x &+ 0x4646_4646_4646_4646) & highs
            let other = (below | above | w) & highs
            if other != 0 { return p + other.trailingZeroBitCount >> 3 }
            p += 8
        }
        // SAFETY: `p < n` is checked before each read.
        while p < n && base[p] >= 0x30 && base[p] <= 0x39 { p += 1 }
        return p
    }

    @inline(__always)
    private func isHex(_ c: UInt8) -> Bool {
        (c >= 0x30 && c <= 0x39) || (c | 0x20 >= 0x61 && c | 0x20 <= 0x66)
    }
}
