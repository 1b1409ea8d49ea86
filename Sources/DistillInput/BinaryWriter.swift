/// Appends values little-endian and length-prefixed: the state file's codec (hand-written,
/// no reflection; a state of millions of accounts is written in one pass over bytes).
public struct BinaryWriter: Sendable {
    public private(set) var bytes: [UInt8] = []

    public init(capacity: Int = 0) { bytes.reserveCapacity(capacity) }

    public mutating func u8(_ v: UInt8) { bytes.append(v) }

    public mutating func u32(_ v: UInt32) {
        withUnsafeBytes(of: v.littleEndian) { bytes.append(contentsOf: $0) }
    }

    public mutating func u64(_ v: UInt64) {
        withUnsafeBytes(of: v.littleEndian) { bytes.append(contentsOf: $0) }
    }

    public mutating func i64(_ v: Int64) { u64(UInt64(bitPattern: v)) }

    public mutating func int(_ v: Int) { i64(Int64(v)) }

    public mutating func bool(_ v: Bool) { u8(v ? 1 : 0) }

    /// A count or length (non-negative; written as 32 bits: states hold no more).
    public mutating func count(_ n: Int) { u32(UInt32(clamping: n)) }

    public mutating func string(_ s: String) {
        var s = s
        s.withUTF8 { b in
            count(b.count)
            bytes.append(contentsOf: b)
        }
    }

    public mutating func optionalString(_ s: String?) {
        bool(s != nil)
        if let s { string(s) }
    }

    public mutating func optionalI64(_ v: Int64?) {
        bool(v != nil)
        if let v { i64(v) }
    }

    public mutating func raw(_ b: [UInt8]) {
        count(b.count)
        bytes.append(contentsOf: b)
    }
}
