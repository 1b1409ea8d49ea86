import DistillSupport

/// Reads what `BinaryWriter` wrote. Every read is bounds-checked and every count is
/// checked against the bytes left, so a damaged or hostile state is refused with
/// `BinaryReader.Malformed`, never half-read and never trapped on.
package struct BinaryReader {
    /// The content does not decode: `what` says where it went wrong.
    package struct Malformed: Error, Sendable, CustomStringConvertible {
        package var what: String
        package init(_ what: String) { self.what = what }
        package var description: String { what }
    }

    private let bytes: [UInt8]
    package private(set) var offset: Int

    package init(_ bytes: [UInt8], offset: Int = 0) {
        self.bytes = bytes
        self.offset = offset
    }

    package var remaining: Int { bytes.count - offset }
    package var atEnd: Bool { offset == bytes.count }

    private mutating func take(_ n: Int, _ what: @autoclosure () -> String) throws(Malformed) -> Range<Int> {
        guard n >= 0, n <= remaining else { throw Malformed("\(what()) runs past the end at byte \(offset)") }
        defer { offset += n }
        return offset..<(offset + n)
    }

    package mutating func u8() throws(Malformed) -> UInt8 { bytes[try take(1, "a byte").lowerBound] }

    package mutating func u32() throws(Malformed) -> UInt32 {
        let r = try take(4, "a 32-bit number")
        var v: UInt32 = 0
        for i in r.reversed() { v = v << 8 | UInt32(bytes[i]) }
        return v
    }

    package mutating func u64() throws(Malformed) -> UInt64 {
        let r = try take(8, "a 64-bit number")
        var v: UInt64 = 0
        for i in r.reversed() { v = v << 8 | UInt64(bytes[i]) }
        return v
    }

    /// An unsigned LEB128 varint (at most 10 bytes, no bits beyond 64).
    package mutating func varint() throws(Malformed) -> UInt64 {
        var v: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            let start = offset
            let b = try u8()
            guard shift < 64, shift < 63 || b <= 1 else { throw Malformed("a number longer than 64 bits at byte \(start)") }
            v |= UInt64(b & 0x7F) << shift
            if b < 0x80 { return v }
            shift += 7
        }
    }

    /// A zigzag-encoded signed varint.
    package mutating func i64() throws(Malformed) -> Int64 {
        let z = try varint()
        return Int64(bitPattern: (z >> 1) ^ (0 &- (z & 1)))
    }

    package mutating func int() throws(Malformed) -> Int {
        let v = try i64()
        guard let i = Int(exactly: v) else { throw Malformed("a number out of range at byte \(offset)") }
        return i
    }

    /// A count that is never negative and is at most `max`. The default bound (2^48, far
    /// beyond any real count) keeps sums of counts from many merged states from overflowing.
    package mutating func nonNegative(_ what: String, max: Int = 1 << 48) throws(Malformed) -> Int {
        let v = try int()
        guard v >= 0, v <= max else { throw Malformed("\(what) \(v) is out of range at byte \(offset)") }
        return v
    }

    package mutating func bool() throws(Malformed) -> Bool {
        switch try u8() {
        case 0: return false
        case 1: return true
        case let b: throw Malformed("a flag byte \(b) at byte \(offset - 1)")
        }
    }

    /// A count of items of at least `itemBytes` bytes each when encoded (so a damaged
    /// count cannot make a reader allocate more than the file could hold).
    package mutating func count(itemBytes: Int = 1) throws(Malformed) -> Int {
        let start = offset
        let v = try varint()
        guard v <= UInt64(remaining / max(1, itemBytes)) else { throw Malformed("a count of \(v) at byte \(start) exceeds what is left") }
        return Int(v)
    }

    package mutating func string() throws(Malformed) -> String {
        let n = try count()
        let r = try take(n, "a string")
        // SAFETY: `r` lies within `bytes` (`take` checked it); the view is read only inside the closure.
        guard let s = bytes.withUnsafeBufferPointer({ Self.validUTF8(UnsafeBufferPointer(rebasing: $0[r])) }) else {
            throw Malformed("a string that is not UTF-8 at byte \(r.lowerBound)")
        }
        return s
    }

    /// The string of `utf8`, or nil when it is not valid UTF-8. `String(validating:as:)`
    /// goes through an unspecialized generic path here (~1,100 instructions a string, a
    /// third of loading a state file); decoding, which replaces each invalid sequence with
    /// U+FFFD, gives back the very bytes exactly when there was none.
    static func validUTF8(_ utf8: UnsafeBufferPointer<UInt8>) -> String? {
        var s = String(decoding: utf8, as: UTF8.self)
        // SAFETY: both views are read only inside the closure.
        let same = s.withUTF8 { UnsafeRawBufferPointer($0).hasSameBytes(as: UnsafeRawBufferPointer(utf8)) }
        return same ? s : nil
    }

    package mutating func optionalString() throws(Malformed) -> String? { try bool() ? try string() : nil }

    package mutating func optionalI64() throws(Malformed) -> Int64? { try bool() ? try i64() : nil }

    package mutating func raw() throws(Malformed) -> [UInt8] {
        let n = try count()
        return Array(bytes[try take(n, "a byte string")])
    }
}
