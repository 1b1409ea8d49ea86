import CByteScan

/// A validated JSON value laid out as a flat list of nodes holding byte ranges into the
/// line, built without a generic tree or per-value allocation. Format adapters look
/// fields up on it and materialise only the strings they keep.
///
/// Object members are stored as key node, value node, in order; every node knows where
/// its subtree ends (`next`), so skipping a value is O(1). With duplicate keys the last
/// one wins, as in JavaScript and most JSON libraries.
package struct JSONTape {
    /// The type of a JSON value.
    package enum Kind: UInt8 { case object, array, string, number, bool, null }

    /// One value (or key) of the document.
    package struct Node {
        package var kind: Kind
        /// Strings only: the text contains backslash escapes.
        package var escaped: Bool
        /// Byte range of the value; for strings, the content between the quotes.
        package var start: Int32
        package var end: Int32
        /// Index of the first node after this value's subtree.
        package var next: Int32
    }

    /// The nodes of the last parse; valid until the next parse with this tape. Internal:
    /// other modules read a tape through its accessors (`kind`, `member`, `string`, ...).
    // SAFETY: a view of `storage`'s first `count` nodes, valid until the next `parse` with this tape (or a copy) regrows or shrinks the storage; callers index it with node indices from that parse.
    var _unsafeNodes: UnsafeBufferPointer<Node> { UnsafeBufferPointer(start: storage.base, count: storage.count) }
    /// Shared by copies of the tape: a copy reads the line its original parsed last.
    let storage = NodeStorage(capacity: 256)
    /// The line the nodes point into; valid only while the caller keeps it alive.
    // SAFETY: set by `parse` (and `SchemaMapping`) to the caller's line; node offsets lie within it; read only while that caller keeps the line alive.
    var _unsafeBytes = UnsafeRawBufferPointer(start: nil, count: 0)
    /// Whether the string scan may read 32 bytes at a time (`cpuHasAVX2`), read once per
    /// tape rather than per string (tests turn it off to run the 16-byte scan here too).
    var scansWide: Int32 = JSONTape.cpuHasAVX2 ? 1 : 0

    /// Whether this CPU runs the string scan's AVX2 blocks (asked once per process; the
    /// answer never changes while it runs).
    static let cpuHasAVX2 = distill_cpu_has_avx2() != 0

    package init() {}

    /// The longest document the tape can address: node offsets are 32-bit
    /// (`--max-line-bytes` is capped to it).
    package static let maxDocumentBytes = Int(Int32.max)

    /// The root value's index.
    package var root: Int { 0 }

    package func kind(_ i: Int) -> Kind { _unsafeNodes[i].kind }

    /// Index of member `key` of the object at `object` (last duplicate wins).
    package func member(_ object: Int, _ key: StaticString) -> Int? {
        guard _unsafeNodes[object].kind == .object else { return nil }
        // SAFETY: a view of the static string's UTF-8, which lives in static storage.
        let keyBytes = UnsafeRawBufferPointer(start: key.utf8Start, count: key.utf8CodeUnitCount)
        var found: Int?
        var i = object + 1
        let end = Int(_unsafeNodes[object].next)
        while i < end {
            if keyEquals(i, keyBytes) { found = i + 1 }
            i = Int(_unsafeNodes[i + 1].next)
        }
        return found
    }

    /// Follows a dotted path of object members (`"metadata.user_api_key_user_id"`).
    package func path(_ from: Int, _ components: [String]) -> Int? {
        var at = from
        for c in components {
            guard _unsafeNodes[at].kind == .object else { return nil }
            var found: Int?
            var i = at + 1
            let end = Int(_unsafeNodes[at].next)
            while i < end {
                if string(i) == c { found = i + 1 }
                i = Int(_unsafeNodes[i + 1].next)
            }
            guard let f = found else { return nil }
            at = f
        }
        return at
    }

    /// Calls `body(keyIndex, valueIndex)` for every member of an object.
    @inline(__always)
    package func forEachMember(_ object: Int, _ body: (Int, Int) -> Void) {
        guard _unsafeNodes[object].kind == .object else { return }
        var i = object + 1
        let end = Int(_unsafeNodes[object].next)
        while i < end {
            body(i, i + 1)
            i = Int(_unsafeNodes[i + 1].next)
        }
    }

    /// Calls `body` for every element of an array.
    @inline(__always)
    package func forEachElement(_ array: Int, _ body: (Int) -> Void) {
        guard _unsafeNodes[array].kind == .array else { return }
        var i = array + 1
        let end = Int(_unsafeNodes[array].next)
        while i < end {
            body(i)
            i = Int(_unsafeNodes[i].next)
        }
    }

    /// Raw bytes of a node (string contents without quotes, or the literal text).
    func _unsafeRaw(_ i: Int) -> UnsafeRawBufferPointer {
        // SAFETY: a node's `start..<end` from the last parse lies within `_unsafeBytes` (the parser records only offsets `<= line.count`).
        UnsafeRawBufferPointer(rebasing: _unsafeBytes[Int(_unsafeNodes[i].start)..<Int(_unsafeNodes[i].end)])
    }

    func keyEquals(_ i: Int, _ key: UnsafeRawBufferPointer) -> Bool {
        let n = _unsafeNodes[i]
        if n.escaped { return string(i).utf8.elementsEqual(key) }
        let len = Int(n.end - n.start)
        guard len == key.count else { return false }
        // SAFETY: both sides have `len` bytes (the node's range in `_unsafeBytes`, length checked `== key.count`, and `key`); both bases are non-nil (a parsed line and a static string).
        return memcmp(_unsafeBytes.baseAddress! + Int(n.start), key.baseAddress!, len) == 0
    }

    /// The decoded text of a string node, at most `limit` UTF-8 bytes (cut on a
    /// character boundary). Lone surrogate escapes become U+FFFD.
    package func string(_ i: Int, limit: Int = .max) -> String {
        let n = _unsafeNodes[i]
        guard n.kind == .string else { return "" }
        let r = _unsafeRaw(i)
        if !n.escaped {
            // SAFETY: `utf8PrefixCount` is at most `r.count`, so the slice lies in `r`.
            return String(decoding: UnsafeRawBufferPointer(rebasing: r[0..<r.utf8PrefixCount(limit)]), as: UTF8.self)
        }
        return JSONStringDecoder.decode(r, limit: limit)
    }

    /// A scalar rendered as text: strings decoded, numbers and booleans as written.
    package func scalarText(_ i: Int, limit: Int = 512) -> String? {
        switch _unsafeNodes[i].kind {
        case .string: return string(i, limit: limit)
        case .number, .bool: return String(decoding: _unsafeRaw(i), as: UTF8.self)
        default: return nil
        }
    }

    /// A number node (or a string holding one) as a Double; nil if absent, not finite.
    package func double(_ i: Int) -> Double? {
        if let v = plainInteger(i) { return Double(v) }
        let n = _unsafeNodes[i]
        guard n.kind == .number || n.kind == .string, n.end > n.start, n.end - n.start < 64 else { return nil }
        let text = String(decoding: _unsafeRaw(i), as: UTF8.self)
        guard let d = Double(text), d.isFinite else { return nil }
        return d
    }

    /// An integer field; nil if absent, fractional beyond an integer, or out of range.
    package func int(_ i: Int) -> Int? {
        // A plain integer of up to 15 digits is within range and exact as a Double.
        if let v = plainInteger(i) { return Int(v) }
        guard let d = double(i), d >= -9.0e15, d <= 9.0e15 else { return nil }
        return Int(d)
    }

    /// A number or string node written as a plain integer (an optional `-` and digits, 15
    /// characters at most: most token counts, statuses and epochs), read without strtod.
    @inline(__always)
    func plainInteger(_ i: Int) -> Int64? {
        let n = _unsafeNodes[i]
        let count = Int(n.end) - Int(n.start)
        guard n.kind == .number || n.kind == .string, count > 0, count <= 15 else { return nil }
        // SAFETY: the node's `start..<end` from the last parse lies within `_unsafeBytes` (non-nil once a line was parsed), and `k < count` bounds every read.
        let p = _unsafeBytes.baseAddress!.assumingMemoryBound(to: UInt8.self) + Int(n.start)
        let negative = p[0] == UInt8(ascii: "-")
        var k = negative ? 1 : 0
        guard k < count else { return nil }
        var v: Int64 = 0
        while k < count {
            let d = p[k] &- 0x30
            guard d < 10 else { return nil }
            v = v &* 10 &+ Int64(d)
            k += 1
        }
        return negative ? -v : v
    }

    package func bool(_ i: Int) -> Bool? {
        switch _unsafeNodes[i].kind {
        // SAFETY: a bool node's `start` is the offset of its `t`/`f`, inside `bytes`.
        case .bool: return _unsafeBytes[Int(_unsafeNodes[i].start)] == UInt8(ascii: "t")
        case .string:
            let s = string(i).lowercased()
            return s == "true" ? true : s == "false" ? false : nil
        default: return nil
        }
    }
}

#if canImport(Glibc)
import Glibc
#endif
