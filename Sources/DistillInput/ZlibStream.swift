import CZlib

/// The one owner of zlib state in distillscan: a gzip inflater or deflater whose
/// `z_stream` is allocated once and never moves (zlib keeps a pointer back to it).
public struct ZlibStream: ~Copyable {
    /// Which direction the stream runs.
    public enum Mode: Sendable { case inflateGzip, deflateGzip(level: Int32) }

    private let stream: UnsafeMutablePointer<z_stream>
    private let mode: Mode

    public init(_ mode: Mode) throws(ZlibError) {
        stream = .allocate(capacity: 1)
        stream.initialize(to: z_stream())
        self.mode = mode
        let rc: Int32
        switch mode {
        case .inflateGzip: rc = distill_inflateInit2(stream, 15 + 16)
        case .deflateGzip(let level): rc = distill_deflateInit2(stream, level, 15 + 16)
        }
        guard rc == Z_OK else {
            stream.deallocate()
            throw ZlibError(code: rc, message: "zlib could not start (code \(rc)); is memory exhausted?")
        }
    }

    deinit {
        switch mode {
        case .inflateGzip: inflateEnd(stream)
        case .deflateGzip: deflateEnd(stream)
        }
        stream.deallocate()
    }

    /// The outcome of one `inflate` call.
    public struct Step: Sendable {
        public var consumed: Int
        public var produced: Int
        /// A gzip member ended; call `reset()` before inflating a following member.
        public var memberEnded: Bool
    }

    /// Inflates as much of `input` into `output` as fits.
    public mutating func inflate(
        _ input: UnsafeRawBufferPointer, into output: UnsafeMutableRawBufferPointer
    ) throws(ZlibError) -> Step {
        stream.pointee.next_in = UnsafeMutablePointer(mutating: input.baseAddress?.assumingMemoryBound(to: UInt8.self))
        stream.pointee.avail_in = UInt32(input.count)
        stream.pointee.next_out = output.baseAddress?.assumingMemoryBound(to: UInt8.self)
        stream.pointee.avail_out = UInt32(output.count)
        let rc = CZlib.inflate(stream, Z_NO_FLUSH)
        let step = Step(
            consumed: input.count - Int(stream.pointee.avail_in),
            produced: output.count - Int(stream.pointee.avail_out),
            memberEnded: rc == Z_STREAM_END)
        switch rc {
        case Z_OK, Z_STREAM_END: return step
        case Z_BUF_ERROR: return step  // no progress possible: caller decides (needs input or truncated)
        default:
            let detail = stream.pointee.msg.map { String(cString: $0) } ?? "code \(rc)"
            throw ZlibError(code: rc, message: detail)
        }
    }

    /// Prepares the inflater for the next member of a multi-member gzip file.
    public mutating func reset() {
        inflateReset(stream)
    }

    /// Deflates `input` (all of it) and appends the compressed bytes to `out`; `finish` ends the member.
    public mutating func deflate(_ input: UnsafeRawBufferPointer, finish: Bool, appendingTo out: inout [UInt8]) {
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        stream.pointee.next_in = UnsafeMutablePointer(mutating: input.baseAddress?.assumingMemoryBound(to: UInt8.self))
        stream.pointee.avail_in = UInt32(input.count)
        while true {
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
public struct ZlibError: Error, Sendable {
    public var code: Int32
    public var message: String
}
