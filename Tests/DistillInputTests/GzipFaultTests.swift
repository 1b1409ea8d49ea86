import DistillTestSupport
import Testing

@testable import DistillInput

/// Issue 19, silent loss in gzip: every byte inflated before a fault is kept, every tail
/// that is not gzip is reported as lost data, and valid headers of any size are read.
@Suite("gzip faults lose nothing silently")
struct GzipFaultTests {
    let body = (0..<100).map { "{\"ts\":\"2026-06-01T00:00:00Z\",\"account_id\":\"a\($0)\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}\n" }.joined()

    func readAll(_ path: String) -> (text: String, error: InputError?) {
        var bytes: [UInt8] = []
        do {
            let opened = try InputOpener.open(.file(path))
            var buf = [UInt8](repeating: 0, count: 256 << 10)
            while true {
                let n = try buf.withUnsafeMutableBytes { try opened.reader.read(into: $0) }
                if n == 0 { break }
                bytes += buf[0..<n]
            }
            return (String(decoding: bytes, as: UTF8.self), nil)
        } catch let e as InputError {
            return (String(decoding: bytes, as: UTF8.self), e)
        } catch {
            return (String(decoding: bytes, as: UTF8.self), .readFailed(path: path, reason: "\(error)"))
        }
    }

    /// Was: 0 of 100 records kept (the last inflated chunk was dropped with the error).
    @Test func crcFailureKeepsEveryByteInflatedBeforeIt() {
        let dir = TempDir()
        var gz = Gzip.compress(Array(body.utf8))
        gz[gz.count - 8] ^= 0xFF
        let r = readAll(dir.write("crc.jsonl.gz", gz))
        #expect(r.text == body)
        guard case .corruptGzip(_, _, let detail)? = r.error else { Issue.record("expected a checksum failure, got \(String(describing: r.error))"); return }
        #expect(detail.contains("CRC-32"))
    }

    /// Was: exit 0 and `complete: true` when the second member's magic bytes were damaged.
    @Test func damagedSecondMemberLosesData() {
        let dir = TempDir()
        let gz = Gzip.compress(Array(body.utf8))
        var second = gz
        second[1] = 0x8C
        let r = readAll(dir.write("two.jsonl.gz", gz + second))
        #expect(r.text == body)
        #expect(r.error == .trailingGarbage(path: dir.path + "/two.jsonl.gz", offset: gz.count))
        #expect(r.error?.losesData == true)
        let r2 = readAll(dir.write("two2.jsonl.gz", gz + [0x1F, 0x8B, 8, 0] + [UInt8](repeating: 0xFF, count: 50)))
        #expect(r2.text == body)
        #expect(r2.error?.losesData == true)
    }

    /// Was: a valid member with a ~70 KB FNAME was called truncated (ISA-L's header reader).
    @Test(arguments: [100, 65_530, 70_000, 200_000])
    func longFileNameInTheHeaderIsValid(nameLength: Int) {
        let dir = TempDir()
        let plain = Array(body.utf8)
        let member = Gzip.compress(plain)
        // Same deflate body and trailer, header with FNAME (and FCOMMENT, FEXTRA, FHCRC on the largest).
        let all = nameLength == 200_000
        var header: [UInt8] = [0x1F, 0x8B, 8, all ? 0x1E : 0x08, 0, 0, 0, 0, 0, 0xFF]
        if all { header += [4, 0, 1, 2, 3, 4] }
        header += [UInt8](repeating: UInt8(ascii: "n"), count: nameLength) + [0]
        if all {
            header += Array("a comment".utf8) + [0]
            // The header CRC: the low 16 bits of the CRC-32 of the header before it.
            let crc = Self.crc32(header)
            header += [UInt8(crc & 0xFF), UInt8(crc >> 8 & 0xFF)]
        }
        let p = dir.write("longname-\(nameLength)-with-a-path-longer-than-sixteen.jsonl.gz", header + member[10...])
        let r = readAll(p)
        #expect(r.error == nil)
        #expect(r.text == body)
    }

    /// CRC-32 (IEEE, reflected), bit by bit: the test's own, not the reader's.
    static func crc32(_ bytes: [UInt8]) -> UInt32 {
        var c: UInt32 = 0xFFFF_FFFF
        for b in bytes {
            c ^= UInt32(b)
            for _ in 0..<8 { c = c & 1 != 0 ? (c >> 1) ^ 0xEDB8_8320 : c >> 1 }
        }
        return ~c
    }

    /// A member of "a\n" whose header carries a CRC (FHCRC), right or damaged.
    func headerCRCMember(damaged: Bool) -> [UInt8] {
        [31, 139, 8, 2, 0, 0, 0, 0, 0, 3, damaged ? 166 : 167, damaged ? 118 : 119, 75, 228, 2, 0, 7, 161, 234, 221, 2, 0, 0, 0]
    }

    /// Was (found by FuzzGzip): a header failing its CRC was read as if sound, exit 0,
    /// where zlib refuses it.
    @Test func headerFailingItsCRCIsDamagedNotRead() {
        let dir = TempDir()
        let r = readAll(dir.write("fhcrc.jsonl.gz", headerCRCMember(damaged: true) + Gzip.compress(Array("b\n".utf8))))
        guard case .corruptGzip(_, _, let detail)? = r.error else { Issue.record("got \(String(describing: r.error))"); return }
        #expect(detail.contains("header") && r.text.isEmpty)
    }

    @Test func headerWithItsRightCRCIsRead() {
        let dir = TempDir()
        let r = readAll(dir.write("fhcrc-ok.jsonl.gz", headerCRCMember(damaged: false) + Gzip.compress(Array("b\n".utf8))))
        #expect(r.error == nil && r.text == "a\nb\n")
    }

    @Test func reservedFlagBitsAreAnInvalidHeader() {
        let dir = TempDir()
        var gz = Gzip.compress(Array(body.utf8))
        gz[3] = 0x20
        let r = readAll(dir.write("flags.jsonl.gz", gz))
        guard case .corruptGzip(_, _, let detail)? = r.error else { Issue.record("got \(String(describing: r.error))"); return }
        #expect(detail.contains("header"))
    }

    /// A deflate block whose Huffman code is incomplete (two 2-bit codes: "a" and end of
    /// block). No encoder writes one; zlib refuses it, ISA-L decodes it. The CI fuzz pass
    /// failed on such a member: the oracle called it silent loss. It is not: the bytes
    /// still pass the member's CRC-32 and length, and a wrong CRC is still reported.
    @Test func incompleteHuffmanCodeIsReadAndItsTrailerStillChecked() {
        let dir = TempDir()
        let member: [UInt8] = [
            0x1F, 0x8B, 8, 0, 0, 0, 0, 0, 0, 0xFF, 0x05, 0x80, 0x81, 0x08, 0, 0, 0, 0x80, 0x58, 0xF7,
            0x97, 0x38, 0x10, 0xD7, 0x19, 0x8A, 0x07, 0x02, 0, 0, 0,
        ]
        let r = readAll(dir.write("incomplete.gz", member))
        #expect(r.text == "aa")
        #expect(r.error == nil)
        var damaged = member
        damaged[damaged.count - 8] ^= 0x01
        let d = readAll(dir.write("incomplete-crc.gz", damaged))
        guard case .corruptGzip(_, _, let detail)? = d.error else { Issue.record("expected a checksum failure, got \(String(describing: d.error))"); return }
        #expect(detail.contains("CRC-32"))
    }
}

/// A reader that hands out some bytes, then fails.
final class FailingReader: ByteReader {
    var bytes: [UInt8]
    init(_ s: String) { bytes = Array(s.utf8) }
    var rawBytesRead: Int { 0 }
    var sha256: String? { nil }
    func read(into buffer: UnsafeMutableRawBufferPointer) throws(InputError) -> Int {
        guard !bytes.isEmpty else { throw .truncatedGzip(path: "f", offset: 1) }
        let n = min(buffer.count, bytes.count)
        buffer.copyBytes(from: bytes[0..<n])
        bytes.removeFirst(n)
        return n
    }
}

@Suite("line splitting at a read fault")
struct LineSplitterFaultTests {
    /// Was: the partial last line before a read error was dropped without being counted.
    @Test func partialLineBeforeAReadFaultIsDeliveredThenTheErrorThrown() {
        var got: [String] = []
        #expect(throws: InputError.truncatedGzip(path: "f", offset: 1)) {
            try LineSplitter(chunkSize: 64).forEachLine(of: FailingReader("{\"a\":1}\n{\"b\":")) { got.append(String(decoding: $0._unsafeBytes, as: UTF8.self)) }
        }
        #expect(got == ["{\"a\":1}", "{\"b\":"])
    }
}

@Suite("gzip writing in pieces")
struct GzipDeflaterPieceTests {
    /// zlib's avail_in is 32-bit: `UInt32(input.count)` trapped on inputs over 4 GiB.
    /// Pieces of 1 GiB are used; small pieces here exercise the same path.
    @Test func inputsHandedOverInPiecesMakeOneMember() throws {
        let text = Array((0..<5000).map { "{\"line\":\($0)}\n" }.joined().utf8)
        var z = try GzipDeflater(level: 6)
        var out: [UInt8] = []
        text.withUnsafeBytes { z.deflate($0, finish: true, appendingTo: &out, pieceBytes: 1000) }
        let dir = TempDir()
        let p = dir.write("pieces.gz", out)
        let opened = try InputOpener.open(.file(p))
        var got: [UInt8] = []
        var buf = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = try buf.withUnsafeMutableBytes { try opened.reader.read(into: $0) }
            if n == 0 { break }
            got += buf[0..<n]
        }
        #expect(got == text)
    }
}
