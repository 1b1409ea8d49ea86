import CIsal
import CZlib

/// Reads a gzip member header (RFC 1952) byte by byte, across any number of input
/// chunks, keeping nothing but its position: the optional name, comment and extra field
/// may be of any length (a ~70 KB file name is valid) and are skipped, never buffered.
/// ISA-L then inflates the body with its header parsing turned off. A header CRC (FHCRC)
/// is checked, as zlib does: a header that fails it is damaged, not read.
struct GzipHeader {
    private enum Phase { case fixed, extraLength, extra, name, comment, headerCRC, done }
    private var phase = Phase.fixed
    /// Bytes of the current fixed-size field read so far.
    private var got = 0
    private var flags: UInt8 = 0
    /// Length of the extra field (little-endian, read a byte at a time), then what is left of it.
    private var remaining = 0
    /// CRC-32 of the header bytes before the header CRC, and the stored header CRC.
    private var crc = crc32(0, nil, 0)
    private var storedCRC: UInt16 = 0

    /// The header was read to its end.
    var isComplete: Bool { phase == .done }

    /// Consumes header bytes from the front of `input`; returns how many it used. Throws
    /// `ISAL_INVALID_WRAPPER` or `ISAL_UNSUPPORTED_METHOD` for what is not a gzip header.
    mutating func consume(_ input: UnsafeRawBufferPointer) throws(GzipInflateError) -> Int {
        var i = 0
        while i < input.count && phase != .done {
            // SAFETY: `i < input.count` by the loop condition; `.extra` below advances by at most `input.count - i`.
            let b = input[i]
            let start = i, covered = phase != .headerCRC
            defer {
                if covered && i > start { crc = crc32(crc, input.baseAddress!.assumingMemoryBound(to: UInt8.self) + start, uInt(i - start)) }
            }
            switch phase {
            case .fixed:
                switch got {
                case 0: guard b == 0x1F else { throw GzipInflateError(code: ISAL_INVALID_WRAPPER, consumed: i) }
                case 1: guard b == 0x8B else { throw GzipInflateError(code: ISAL_INVALID_WRAPPER, consumed: i) }
                case 2: guard b == 8 else { throw GzipInflateError(code: ISAL_UNSUPPORTED_METHOD, consumed: i) }
                case 3:
                    guard b & 0xE0 == 0 else { throw GzipInflateError(code: ISAL_INVALID_WRAPPER, consumed: i) }
                    flags = b
                default: break  // modification time, extra flags, operating system
                }
                got += 1
                i += 1
                if got == 10 { got = 0; advance(after: .fixed) }
            case .extraLength:
                remaining |= Int(b) << (8 * got)
                got += 1
                i += 1
                if got == 2 { got = 0; if remaining == 0 { advance(after: .extra) } else { phase = .extra } }
            case .extra:
                let n = min(remaining, input.count - i)
                remaining -= n
                i += n
                if remaining == 0 { advance(after: .extra) }
            case .name, .comment:
                // Zero-terminated: skip to the terminator (a memchr-like scan).
                // SAFETY: `i < input.count` (loop condition), so the slice lies in `input`, and `z` is an index into it.
                let rest = UnsafeRawBufferPointer(rebasing: input[i...])
                if let z = rest.firstIndex(of: 0) {
                    i += (z - rest.startIndex) + 1
                    advance(after: phase)
                } else {
                    i = input.count
                }
            case .headerCRC:
                storedCRC |= UInt16(b) << (8 * got)
                got += 1
                i += 1
                if got == 2 {
                    // Was: a header failing its CRC was read as if sound (zlib refuses it).
                    guard storedCRC == UInt16(truncatingIfNeeded: crc) else { throw GzipInflateError(code: ISAL_INVALID_WRAPPER, consumed: i) }
                    got = 0
                    phase = .done
                }
            case .done: break
            }
        }
        return i
    }

    /// The next field present after `field` (FEXTRA 0x04, FNAME 0x08, FCOMMENT 0x10, FHCRC 0x02).
    private mutating func advance(after field: Phase) {
        let order: [(Phase, UInt8)] = [(.extraLength, 0x04), (.name, 0x08), (.comment, 0x10), (.headerCRC, 0x02)]
        let position: Int
        switch field {
        case .fixed: position = 0
        case .extraLength, .extra: position = 1
        case .name: position = 2
        case .comment: position = 3
        default: position = 4
        }
        for (next, bit) in order[position...] where flags & bit != 0 { phase = next; return }
        phase = .done
    }
}
