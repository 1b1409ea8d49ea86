/// Compression of an input file, detected from its first bytes (never from its name).
package enum Compression: String, Sendable, Codable {
    /// Plain text (JSONL).
    case none
    /// gzip, possibly several concatenated members: `1f 8b`.
    case gzip
    /// zstd: `28 b5 2f fd` (not supported: reported, not read).
    case zstd
    /// bzip2: `BZh` (not supported).
    case bzip2
    /// xz: `fd 37 7a 58 5a 00` (not supported).
    case xz

    /// Detects the compression from the first bytes of a file.
    package static func detect(_ head: some Collection<UInt8>) -> Compression {
        let b = Array(head.prefix(6))
        if b.count >= 2, b[0] == 0x1F, b[1] == 0x8B { return .gzip }
        if b.count >= 4, b[0] == 0x28, b[1] == 0xB5, b[2] == 0x2F, b[3] == 0xFD { return .zstd }
        if b.count >= 3, b[0] == 0x42, b[1] == 0x5A, b[2] == 0x68 { return .bzip2 }
        if b.count >= 6, b[0] == 0xFD, b[1] == 0x37, b[2] == 0x7A, b[3] == 0x58, b[4] == 0x5A, b[5] == 0 { return .xz }
        return .none
    }
}
