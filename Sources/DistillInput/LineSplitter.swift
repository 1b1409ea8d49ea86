#if canImport(Glibc)
import Glibc
#endif

/// Splits a byte stream into lines with a bounded buffer that rolls a partial line to
/// its front (as ripgrep does). A line longer than `maxLineBytes` is not buffered: it is
/// reported as oversized, with its length, and skipped.
///
/// Public (and `Line`), with `package` members, so that `Line.withBytes` is inlined in the
/// scan: this toolchain inlines an `@inlinable` member across modules only when its type is
/// public.
public struct LineSplitter {
    /// One physical line, without its `\n` (a trailing `\r` is kept; decoding strips it).
    /// Read its bytes through `withBytes` (a lifetime-checked `RawSpan`); `_unsafeBytes` is
    /// the raw view for the consumers that hand it to C (compression, hashing) or copy it.
    public struct Line {
        // SAFETY: points into `forEachLine`'s buffer and is valid only until `body` returns (the buffer is then rolled, grown or freed); every consumer copies or decodes it inside `body`.
        @usableFromInline package var _unsafeBytes: UnsafeRawBufferPointer
        /// 1-based line number within the input.
        package var number: Int
        /// Set when the line exceeded the bound; the bytes are then empty.
        package var oversizedLength: Int?

        init(bytes: UnsafeRawBufferPointer, number: Int, oversizedLength: Int?) {
            _unsafeBytes = bytes
            self.number = number
            self.oversizedLength = oversizedLength
        }

        /// `body` with the line's bytes as a span, which cannot outlive the call (a `Line`
        /// can; its bytes cannot).
        @inlinable @inline(__always)
        package func withBytes<R>(_ body: (RawSpan) throws -> R) rethrows -> R {
            // SAFETY: `_unsafeBytes` is valid while `forEachLine`'s `body` runs, which is when a `Line` is used; the span lives only during `body` here.
            try body(RawSpan(_unsafeBytes: _unsafeBytes))
        }
    }

    package var maxLineBytes: Int
    package var chunkSize: Int

    package init(maxLineBytes: Int = 8 << 20, chunkSize: Int = 256 << 10) {
        self.maxLineBytes = maxLineBytes
        self.chunkSize = chunkSize
    }

    /// Calls `body` for every line of `reader`, in order. Read errors propagate after the
    /// lines before them were delivered (a partial line before the fault included); a
    /// final line without `\n` is delivered too.
    package func forEachLine(
        of reader: any ByteReader, _ body: (Line) throws -> Void
    ) throws {
        var capacity = max(chunkSize * 2, 64)
        // SAFETY: owned by this call (freed by the `defer`, or when replaced on growth); every access below stays within `0..<capacity`, with `0 <= start <= end <= capacity`.
        var buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: capacity, alignment: 16)
        defer { buffer.deallocate() }
        var start = 0, end = 0
        var lineNumber = 0
        var discarding = false  // inside an oversized line
        var discardedLength = 0
        var readError: InputError?
        while true {
            // Make room: roll the partial line to the front, or grow up to the bound.
            if capacity - end < chunkSize {
                if start > 0 {
                    // SAFETY: moves the partial line `start..<end` (inside `capacity`) to the front; `copyMemory` is a memmove, so the overlap is fine.
                    buffer.baseAddress!.copyMemory(from: buffer.baseAddress! + start, byteCount: end - start)
                    end -= start
                    start = 0
                }
                if capacity - end < chunkSize {
                    // SAFETY: `grown` holds `2 * capacity` bytes; only the `end <= capacity` bytes in use are copied out of the old buffer before it is freed and replaced.
                    let grown = UnsafeMutableRawBufferPointer.allocate(byteCount: capacity * 2, alignment: 16)
                    grown.baseAddress!.copyMemory(from: buffer.baseAddress!, byteCount: end)
                    buffer.deallocate()
                    buffer = grown
                    capacity *= 2
                }
            }
            let n: Int
            // SAFETY: the free tail `end..<capacity` of the live buffer (room was made above); `read` writes at most its count.
            do { n = try reader.read(into: UnsafeMutableRawBufferPointer(rebasing: buffer[end..<capacity])) } catch {
                // The bytes read before the fault are a last (partial) line: counted, not dropped.
                readError = error
                break
            }
            if n == 0 { break }
            var scan = end
            end += n
            // SAFETY: the buffer only ever holds bytes accessed as `UInt8`; `memchr` searches `scan..<end` (bytes just read, `end <= capacity`), so `hit - base` lies in that range.
            let base = buffer.baseAddress!.assumingMemoryBound(to: UInt8.self)
            while scan < end {
                guard let hit = memchrNewline(base + scan, end - scan) else { break }
                let nl = hit - base
                lineNumber += 1
                // SAFETY: the views handed to `body` are empty or `base + start ..< base + nl` with `start <= nl < end <= capacity`; valid only during `body` (see `Line._unsafeBytes`).
                if discarding {
                    try body(
                        Line(
                            bytes: UnsafeRawBufferPointer(start: nil, count: 0), number: lineNumber,
                            oversizedLength: discardedLength + (nl - start)))
                    discarding = false
                    discardedLength = 0
                } else if nl - start > maxLineBytes {
                    try body(Line(bytes: UnsafeRawBufferPointer(start: nil, count: 0), number: lineNumber, oversizedLength: nl - start))
                } else {
                    try body(Line(bytes: UnsafeRawBufferPointer(start: base + start, count: nl - start), number: lineNumber, oversizedLength: nil))
                }
                start = nl + 1
                scan = start
            }
            if end - start > maxLineBytes {
                // Stop buffering this line; remember only how long it was.
                if !discarding { discarding = true }
                discardedLength += end - start
                start = 0
                end = 0
            } else if start == end {
                start = 0
                end = 0
            }
        }
        if discarding || end > start {
            lineNumber += 1
            // SAFETY: the last line's view is `start..<end` of the live buffer (`end <= capacity`), valid during `body`, before the `defer` frees the buffer.
            if discarding {
                try body(Line(bytes: UnsafeRawBufferPointer(start: nil, count: 0), number: lineNumber, oversizedLength: discardedLength + (end - start)))
            } else if end - start > maxLineBytes {
                try body(Line(bytes: UnsafeRawBufferPointer(start: nil, count: 0), number: lineNumber, oversizedLength: end - start))
            } else {
                try body(Line(bytes: UnsafeRawBufferPointer(start: buffer.baseAddress! + start, count: end - start), number: lineNumber, oversizedLength: nil))
            }
        }
        if let e = readError { throw e }
    }
}

@inline(__always)
func memchrNewline(_ p: UnsafeMutablePointer<UInt8>, _ count: Int) -> UnsafeMutablePointer<UInt8>? {
    // SAFETY: callers pass a pointer and count inside one live buffer; `memchr` reads only those `count` bytes, and a hit lies among them.
    memchr(p, 0x0A, count)?.assumingMemoryBound(to: UInt8.self)
}
