#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A stream of decompressed bytes read in bounded chunks.
package protocol ByteReader: AnyObject {
    /// Fills the front of `buffer`; returns the byte count, 0 at the end.
    func read(into buffer: UnsafeMutableRawBufferPointer) throws(InputError) -> Int
    /// Compressed (on-disk) bytes consumed so far.
    var rawBytesRead: Int { get }
    /// SHA-256 of the on-disk bytes, when hashing was asked for and every byte was read.
    var sha256: String? { get }
}

/// Reads a file descriptor, first handing out any bytes already peeked from it.
package final class DescriptorReader: ByteReader {
    private let fd: Int32
    private let ownsDescriptor: Bool
    private let path: String
    private var pending: [UInt8]
    package private(set) var rawBytesRead = 0
    /// Hash of the bytes handed out, built as they are read (no second pass over the file).
    private var hasher: SHA256?
    private var atEnd = false
    private var digest: String?

    init(fd: Int32, path: String, owns: Bool, pending: [UInt8], hash: Bool) {
        self.fd = fd
        self.path = path
        self.ownsDescriptor = owns
        self.pending = pending
        if hash { hasher = SHA256() }
    }

    package var sha256: String? {
        guard atEnd, let h = hasher else { return nil }
        if digest == nil { digest = h.finish() }
        return digest
    }

    deinit { if ownsDescriptor { close(fd) } }

    package func read(into buffer: UnsafeMutableRawBufferPointer) throws(InputError) -> Int {
        if !pending.isEmpty {
            let n = min(pending.count, buffer.count)
            // SAFETY: `n = min(pending.count, buffer.count)` bytes, within both the non-empty `pending` (non-nil base) and the caller's buffer (a slice of a live allocation); the hash reads back the same `n` bytes.
            pending.withUnsafeBytes { src in buffer.baseAddress!.copyMemory(from: src.baseAddress!, byteCount: n) }
            hasher?.update(UnsafeRawBufferPointer(rebasing: buffer[0..<n]))
            pending.removeFirst(n)
            rawBytesRead += n
            return n
        }
        while true {
            // SAFETY: read(2) writes at most `buffer.count` bytes into the caller's live buffer; the hash reads back only the `n > 0` bytes written.
            let n = Glibc.read(fd, buffer.baseAddress, buffer.count)
            if n > 0 { hasher?.update(UnsafeRawBufferPointer(rebasing: buffer[0..<n])) }
            if n == 0 { atEnd = true }
            if n >= 0 { rawBytesRead += n; return n }
            if errno == EINTR { continue }
            throw .readFailed(path: path, reason: String(cString: strerror(errno)))
        }
    }
}

/// Inflates gzip data (every concatenated member) from an underlying reader.
package final class GzipReader: ByteReader {
    private let source: DescriptorReader
    private let path: String
    private var inflater = GzipInflater()
    // SAFETY: owned by this reader (allocated in `init`, freed in `deinit`, never handed out beyond a call); its used bytes are `inputStart..<inputEnd`, within `input.count`.
    private var input: UnsafeMutableRawBufferPointer
    private var inputStart = 0
    private var inputEnd = 0
    private var sourceEnded = false
    private var finished = false
    /// Compressed bytes handed to the inflater so far (for error offsets).
    private var consumedTotal = 0
    private var inMember = false
    private var pendingError: InputError?
    package var rawBytesRead: Int { source.rawBytesRead }
    package var sha256: String? { source.sha256 }

    init(source: DescriptorReader, path: String, chunkSize: Int = 64 * 1024) {
        self.source = source
        self.path = path
        input = .allocate(byteCount: chunkSize, alignment: 16)
    }

    deinit { input.deallocate() }

    private func refill() throws(InputError) {
        if inputStart == inputEnd { inputStart = 0; inputEnd = 0 }
        guard !sourceEnded, inputEnd < input.count else { return }
        // SAFETY: the free tail `inputEnd..<input.count`, non-empty by the guard above; `read` writes at most its count.
        let n = try source.read(into: UnsafeMutableRawBufferPointer(rebasing: input[inputEnd...]))
        if n == 0 { sourceEnded = true } else { inputEnd += n }
    }

    package func read(into buffer: UnsafeMutableRawBufferPointer) throws(InputError) -> Int {
        if let e = pendingError { pendingError = nil; throw e }
        while !finished {
            if inputStart == inputEnd { try refill() }
            if inputStart == inputEnd && sourceEnded {
                finished = true
                if inMember { throw .truncatedGzip(path: path, offset: consumedTotal) }
                return 0
            }
            let step: GzipInflater.Step
            do {
                // SAFETY: the unread input `inputStart..<inputEnd` (within `input.count`) is read only during the call; output goes to the caller's `buffer`, at most its count.
                step = try inflater.inflate(UnsafeRawBufferPointer(rebasing: input[inputStart..<inputEnd]), into: buffer)
            } catch {
                finished = true
                let e = InputError.corruptGzip(path: path, offset: consumedTotal + error.consumed, detail: error.message)
                // What this call inflated before the damage is good data: hand it out first.
                if error.produced > 0 { pendingError = e; return error.produced }
                throw e
            }
            inputStart += step.consumed
            consumedTotal += step.consumed
            if step.consumed > 0 || step.produced > 0 { inMember = true }
            if step.memberEnded {
                inMember = false
                // Deliver this call's bytes first; a problem after the member surfaces next call.
                do { try startNextMember() } catch {
                    if step.produced > 0 { pendingError = error; return step.produced }
                    throw error
                }
            }
            if step.produced > 0 { return step.produced }
            if step.consumed == 0 && !step.memberEnded && inputStart < inputEnd {
                // The inflater took nothing although input and output space were there: never loop on it.
                finished = true
                throw .corruptGzip(path: path, offset: consumedTotal, detail: "inflate made no progress")
            }
        }
        return 0
    }

    /// After a member ends: another member follows, or the file ends, or garbage follows.
    private func startNextMember() throws(InputError) {
        compactInput()
        while inputEnd - inputStart < 2 && !sourceEnded { try refill() }
        let remaining = inputEnd - inputStart
        if remaining == 0 { finished = true; return }
        // SAFETY: `input[inputStart]`, `[inputStart + 1]` (after `remaining >= 2`) and the slices below stay within `inputStart..<inputEnd`, and `inputEnd <= input.count`.
        if remaining >= 2 && input[inputStart] == 0x1F && input[inputStart + 1] == 0x8B {
            inflater.reset()
            return
        }
        finished = true
        // Zero padding after the last member (tape and block-device dumps) is harmless.
        while !sourceEnded { if input[inputStart..<inputEnd].contains(where: { $0 != 0 }) { break }; inputStart = inputEnd; try refill() }
        if !input[inputStart..<inputEnd].contains(where: { $0 != 0 }) && sourceEnded { return }
        throw .trailingGarbage(path: path, offset: consumedTotal)
    }

    private func compactInput() {
        let n = inputEnd - inputStart
        if n > 0 && inputStart > 0 {
            // SAFETY: moves the `n` unread bytes `inputStart..<inputEnd` (within `input.count`) to the front; `copyMemory` is a memmove, so the overlap is fine.
            input.baseAddress!.copyMemory(from: input.baseAddress! + inputStart, byteCount: n)
        }
        inputStart = 0
        inputEnd = n
    }
}
