import CZlibOracle
import FuzzSupport

@testable import DistillInput

/// The gzip reader (ISA-L) against zlib on arbitrary bytes: when zlib decodes the whole
/// input (every member, then nothing or zero padding), the reader gives the same bytes
/// and no error; when zlib fails, the reader fails too, after handing out every byte of
/// the members before the damaged one, as zlib decodes them. From a member zlib refuses
/// for its Huffman code alone on, nothing is judged (see `ZlibOracle.Result.refusedHuffmanCode`).
/// Input without the gzip magic is read as it is.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzGzip(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = UnsafeRawBufferPointer(start: data, count: size)
    let path = FuzzSupport.scratchFile(bytes)
    var out: [UInt8] = []
    var failure: InputError?
    var compression = Compression.none
    do throws(InputError) {
        let opened = try InputOpener.open(.file(path))
        compression = opened.compression
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 4096, alignment: 16)
        defer { buffer.deallocate() }
        while true {
            let n = try opened.reader.read(into: buffer)
            if n == 0 { break }
            out += buffer[0..<n]
            // A bomb is the reader's bounded-memory business, not an oracle's: stop comparing here.
            if out.count > 8 << 20 { return 0 }
        }
    } catch {
        failure = error
    }
    guard compression == .gzip else {
        if compression == .none && failure == nil && !out.elementsEqual(bytes) { FuzzSupport.fail("plain input changed in reading") }
        return 0
    }
    let oracle = ZlibOracle.inflate(bytes, limit: 8 << 20)
    if oracle.truncatedByLimit { return 0 }
    if oracle.refusedHuffmanCode {
        // Was: "silent loss" on a member ISA-L decodes and zlib refuses (an incomplete code;
        // GzipFaultTests.incompleteHuffmanCodeIsReadAndItsTrailerStillChecked). The members
        // before it are still zlib's to check.
        guard out.count >= oracle.verified, out[0..<oracle.verified].elementsEqual(oracle.output[0..<oracle.verified]) else {
            FuzzSupport.fail("the reader gave \(out.count) bytes; zlib checked \(oracle.verified) in whole members before a refused Huffman code and they differ or are missing")
        }
        return 0
    }
    switch (oracle.complete, failure) {
    case (true, nil):
        guard out == oracle.output else { FuzzSupport.fail("decoded \(out.count) bytes, zlib \(oracle.output.count), and they differ") }
    case (true, let e?):
        FuzzSupport.fail("zlib decodes all \(oracle.output.count) bytes, the reader failed: \(e)")
    case (false, nil):
        FuzzSupport.fail("zlib fails after \(oracle.output.count) bytes, the reader reported nothing (silent loss) and gave \(out.count)")
    case (false, _):
        // The members before the damaged one are whole and checked: the reader keeps them
        // all, as zlib decodes them. What it gives of the damaged member is unchecked data
        // (kept, and the file reported), so zlib, which stops at another check, is no oracle for it.
        guard out.count >= oracle.verified, out[0..<oracle.verified].elementsEqual(oracle.output[0..<oracle.verified]) else {
            FuzzSupport.fail("before failing, the reader gave \(out.count) bytes; zlib checked \(oracle.verified) in whole members and they differ or are missing")
        }
    }
    return 0
}
