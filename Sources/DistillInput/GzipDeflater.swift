import CZlib

/// The one owner of zlib state in distillscan: a gzip deflater (for writers of synthetic
/// corpora and tests) whose `z_stream` is allocated once and never moves (zlib keeps a
/// pointer back to it). Reading goes through `GzipInflater`.
package struct GzipDeflater: ~Copyable {
    // SAFETY: allocated once in `init`, freed in `deinit` after `deflateEnd`; the type is `~Copyable`, so it is freed once and never moves (zlib's internal state points back to it).
    private let stream: UnsafeMutablePointer<z_stream>

    package init(level: Int32) throws(ZlibError) {
        stream = .allocate(capacity: 1)
        stream.initialize(to: z_stream())
        let rc = distill_deflateInit2(stream, level, 15 + 16)
        guard rc == Z_OK else {
            stream.deallocate()
            throw ZlibError(code: rc, message: "zlib could not start (code \(rc)); is memory exhausted?")
        }
    }

    deinit {
        deflateEnd(stream)
        stream.deallocate()
    }

    /// Deflates `input` (all of it) and appends the compressed bytes to `out`; `finish` ends the member.
    package mutating func deflate(_ input: UnsafeRawBufferPointer, finish: Bool, appendingTo out: inout [UInt8]) {
        deflate(input, finish: finish, appendingTo: &out, pieceBytes: 1 << 30)
    }

    /// zlib counts input in 32 bits (`UInt32(input.count)` trapped above 4 GiB): larger
    /// inputs are handed over in pieces of `pieceBytes`.
    mutating func deflate(_ input: UnsafeRawBufferPointer, finish: Bool, appendingTo out: inout [UInt8], pieceBytes: Int) {
        var start = 0
        repeat {
            let end = min(input.count, start + pieceBytes)
            // SAFETY: `start <= end <= input.count`, so each piece is a slice of `input`.
            deflatePiece(UnsafeRawBufferPointer(rebasing: input[start..<end]), finish: finish && end == input.count, appendingTo: &out)
            start = end
        } while start < input.count
    }

    private mutating func deflatePiece(_ input: UnsafeRawBufferPointer, finish: Bool, appendingTo out: inout [UInt8]) {
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        // SAFETY: zlib only reads `next_in` (hence `mutating:`), at most `avail_in = input.count` bytes, and has consumed all of them (`avail_in == 0` or `Z_STREAM_END`) before this returns; the stale pointer is replaced before the next call.
        stream.pointee.next_in = UnsafeMutablePointer(mutating: input.baseAddress?.assumingMemoryBound(to: UInt8.self))
        stream.pointee.avail_in = UInt32(input.count)
        while true {
            // SAFETY: zlib writes at most `avail_out = buf.count` bytes into `chunk`, during this `deflate` call only; `next_out` is set again before every call.
            let rc: Int32 = chunk.withUnsafeMutableBytes { buf in
                stream.pointee.next_out = buf.baseAddress?.assumingMemoryBound(to: UInt8.self)
                stream.pointee.avail_out = UInt32(buf.count)
                return CZlib.deflate(stream, finish ? Z_FINISH : Z_NO_FLUSH)
            }
            let produced = chunk.count - Int(stream.pointee.avail_out)
            out.append(contentsOf: chunk[0..<produced])
            if finish {
                if rc == Z_STREAM_END { deflateReset(stream); return }
            } else if stream.pointee.avail_in == 0 && stream.pointee.avail_out != 0 {
                return
            }
        }
    }
}

/// A zlib failure, with zlib's own explanation.
package struct ZlibError: Error, Sendable {
    package var code: Int32
    package var message: String
}
