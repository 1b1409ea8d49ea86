/// Appends values for the state file's codec (hand-written, no reflection): integers and
/// lengths as LEB128 varints (signed ones zigzag-encoded), since most counts in a profile
/// are small or zero; hashes as fixed little-endian words; strings length-prefixed.
package struct BinaryWriter: Sendable {
    package private(set) var bytes: [UInt8] = []

    package init(capacity: Int = 0) { bytes.reserveCapacity(capacity) }

    package mutating func u8(_ v: UInt8) { bytes.append(v) }

    package mutating func u32(_ v: UInt32) {
        // SAFETY: the 4 bytes of a local copy of the value, appended (copied) inside the closure.
        withUnsafeBytes(of: v.littleEndian) { bytes.append(contentsOf: $0) }
    }

    package mutating func u64(_ v: UInt64) {
        // SAFETY: the 8 bytes of a local copy of the value, appended (copied) inside the closure.
        withUnsafeBytes(of: v.littleEndian) { bytes.append(contentsOf: $0) }
    }

    /// An unsigned LEB128 varint: 7 bits a byte, low bits first.
    package mutating func varint(_ v: UInt64) {
        var v = v
        while v >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: v) | 0x80)
            v >>= 7
        }
        bytes.append(UInt8(v))
    }

    /// A signed integer, zigzag-encoded into a varint (small magnitudes take one byte).
    package mutating func i64(_ v: Int64) { varint(UInt64(bitPattern: (v << 1) ^ (v >> 63))) }

    package mutating func int(_ v: Int) { i64(Int64(v)) }

    package mutating func bool(_ v: Bool) { u8(v ? 1 : 0) }

    /// A count or length (non-negative).
    package mutating func count(_ n: Int) { varint(UInt64(max(0, n))) }

    package mutating func string(_ s: String) {
        var s = s
        s.withUTF8 { b in
            count(b.count)
            bytes.append(contentsOf: b)
        }
    }

    package mutating func optionalString(_ s: String?) {
        bool(s != nil)
        if let s { string(s) }
    }

    package mutating func optionalI64(_ v: Int64?) {
        bool(v != nil)
        if let v { i64(v) }
    }

    package mutating func raw(_ b: [UInt8]) {
        count(b.count)
        bytes.append(contentsOf: b)
    }
}
