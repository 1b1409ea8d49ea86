import CZlibOracle

/// zlib's reading of a gzip file, member after member, with the reader's rule for what
/// may follow the last member (nothing, or zero bytes).
enum ZlibOracle {
    struct Result {
        var output: [UInt8] = []
        /// Every member decoded and checked, and nothing but zero padding after them.
        var complete = false
        /// Output of the members that decoded and passed their CRC and length checks.
        var verified = 0
        /// Output passed `limit`: nothing can be concluded.
        var truncatedByLimit = false
        /// zlib refused a member for a Huffman code that is incomplete or over-full
        /// (`huffmanCodeMessages`). No encoder writes one; ISA-L decodes some and checks the
        /// member's CRC-32 and length as usual, so zlib is no oracle from that member on:
        /// neither that member nor anything after it is judged.
        var refusedHuffmanCode = false
    }

    /// zlib's messages for a code it refuses as incomplete or over-full (not "unknown header
    /// flags set", which also ends in "set": a header the reader must refuse too).
    static let huffmanCodeMessages: Set<String> = ["invalid code lengths set", "invalid literal/lengths set", "invalid distances set"]

    static func inflate(_ input: UnsafeRawBufferPointer, limit: Int) -> Result {
        var result = Result()
        let stream = UnsafeMutablePointer<z_stream>.allocate(capacity: 1)
        stream.initialize(to: z_stream())
        defer { inflateEnd(stream); stream.deinitialize(count: 1); stream.deallocate() }
        guard oracle_inflate_init_gzip(stream) == Z_OK else { return result }
        var offset = 0
        var chunk = [UInt8](repeating: 0, count: 65536)
        while true {
            // One member.
            stream.pointee.next_in = UnsafeMutablePointer(mutating: input.baseAddress!.assumingMemoryBound(to: UInt8.self) + offset)
            stream.pointee.avail_in = UInt32(input.count - offset)
            var code: Int32 = Z_OK
            repeat {
                code = chunk.withUnsafeMutableBufferPointer { b in
                    stream.pointee.next_out = b.baseAddress
                    stream.pointee.avail_out = UInt32(b.count)
                    return CZlibOracle.inflate(stream, Z_NO_FLUSH)
                }
                let produced = chunk.count - Int(stream.pointee.avail_out)
                result.output += chunk[0..<produced]
                if result.output.count > limit { result.truncatedByLimit = true; return result }
                if code == Z_BUF_ERROR && stream.pointee.avail_in == 0 { return result }  // truncated
            } while code == Z_OK
            guard code == Z_STREAM_END else {
                if code == Z_DATA_ERROR, let msg = stream.pointee.msg, Self.huffmanCodeMessages.contains(String(cString: msg)) {
                    result.refusedHuffmanCode = true
                }
                return result
            }
            result.verified = result.output.count
            offset = input.count - Int(stream.pointee.avail_in)
            let rest = input.count - offset
            if rest == 0 { result.complete = true; return result }
            if rest >= 2 && input[offset] == 0x1F && input[offset + 1] == 0x8B {
                inflateReset(stream)
                continue
            }
            result.complete = input[offset...].allSatisfy { $0 == 0 }
            return result
        }
    }
}
