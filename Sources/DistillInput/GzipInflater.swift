import CIsal

/// The one owner of inflate state in distillscan: ISA-L's igzip decoding one gzip member
/// at a time, header and CRC-32/length trailer checked. Its state is allocated once and
/// never moves; ISA-L is used because inflate is the largest single cost of a scan and it
/// decodes these dumps about 2.4 times as fast as zlib.
///
/// The member header is read by `GzipHeader`, not by ISA-L: ISA-L 2.30's own header
/// reader called a valid member with a ~70 KB file name truncated, depending on how the
/// header fell across reads. ISA-L inflates the body and checks the trailer
/// (`ISAL_GZIP_NO_HDR_VER`).
package struct GzipInflater: ~Copyable {
    // SAFETY: allocated once in `init`, freed in `deinit`; the type is `~Copyable`, so exactly one owner frees it, once, and it never moves.
    private let state: UnsafeMutablePointer<inflate_state>
    private var header = GzipHeader()

    package init() {
        state = .allocate(capacity: 1)
        // SAFETY: zero-fills exactly the `MemoryLayout<inflate_state>.size` bytes just allocated for one `inflate_state` (a plain C struct) before `isal_inflate_init` sets it up.
        UnsafeMutableRawPointer(state).initializeMemory(as: UInt8.self, repeating: 0, count: MemoryLayout<inflate_state>.size)
        isal_inflate_init(state)
        state.pointee.crc_flag = UInt32(ISAL_GZIP_NO_HDR_VER)
    }

    deinit { state.deallocate() }

    /// The outcome of one `inflate` call.
    package struct Step: Sendable {
        package var consumed: Int
        package var produced: Int
        /// A gzip member ended (trailer checked); call `reset()` before inflating a
        /// following member. `consumed` stops exactly at the member's last byte.
        package var memberEnded: Bool
    }

    /// Inflates as much of `input` into `output` as fits. On an error, the bytes this
    /// call produced before the damage are in `output` and counted in the error's `produced`.
    package mutating func inflate(
        _ input: UnsafeRawBufferPointer, into output: UnsafeMutableRawBufferPointer
    ) throws(GzipInflateError) -> Step {
        var skipped = 0
        if !header.isComplete {
            do { skipped = try header.consume(input) } catch {
                throw GzipInflateError(code: error.code, consumed: error.consumed, produced: 0)
            }
            guard header.isComplete else { return Step(consumed: skipped, produced: 0, memberEnded: false) }
        }
        // SAFETY: `skipped <= input.count` (the header reader consumes at most `input`), so the slice stays within `input`.
        let body = UnsafeRawBufferPointer(rebasing: input[(input.startIndex + skipped)...])
        // ISA-L counts in 32 bits: never hand it more than that at once.
        let inCount = min(body.count, Int(UInt32.max)), outCount = min(output.count, Int(UInt32.max))
        // SAFETY: ISA-L only reads `next_in` (hence `mutating:`), at most `avail_in <= body.count` bytes, and writes at most `avail_out <= output.count` bytes, during `isal_inflate` only; the stale pointers left in `state` are replaced before the next call.
        state.pointee.next_in = UnsafeMutablePointer(mutating: body.baseAddress?.assumingMemoryBound(to: UInt8.self))
        state.pointee.avail_in = UInt32(inCount)
        state.pointee.next_out = output.baseAddress?.assumingMemoryBound(to: UInt8.self)
        state.pointee.avail_out = UInt32(outCount)
        let rc = isal_inflate(state)
        let consumed = skipped + inCount - Int(state.pointee.avail_in)
        let produced = outCount - Int(state.pointee.avail_out)
        guard rc == ISAL_DECOMP_OK || rc == ISAL_END_INPUT || rc == ISAL_OUT_OVERFLOW else {
            throw GzipInflateError(code: rc, consumed: consumed, produced: produced)
        }
        return Step(consumed: consumed, produced: produced, memberEnded: state.pointee.block_state == ISAL_BLOCK_FINISH)
    }

    /// Prepares the inflater for the next member of a multi-member gzip file.
    package mutating func reset() {
        isal_inflate_reset(state)
        state.pointee.crc_flag = UInt32(ISAL_GZIP_NO_HDR_VER)
        header = GzipHeader()
    }
}

/// Why a gzip member could not be inflated, in words for the user.
package struct GzipInflateError: Error, Sendable {
    package var code: Int32
    /// Input bytes the failing call had read when it stopped (where the damage was seen).
    package var consumed: Int
    /// Output bytes the failing call wrote before it stopped (they are good data: keep them).
    package var produced: Int = 0

    package var message: String {
        switch code {
        case ISAL_INVALID_BLOCK: return "invalid deflate block"
        case ISAL_INVALID_SYMBOL: return "invalid deflate symbol"
        case ISAL_INVALID_LOOKBACK: return "back-reference before the start of the data"
        case ISAL_INVALID_WRAPPER: return "invalid gzip header"
        case ISAL_UNSUPPORTED_METHOD: return "compression method is not deflate"
        case ISAL_INCORRECT_CHECKSUM: return "CRC-32 or length check failed"
        case ISAL_NEED_DICT: return "member needs a preset dictionary"
        default: return "inflate error \(code)"
        }
    }
}
