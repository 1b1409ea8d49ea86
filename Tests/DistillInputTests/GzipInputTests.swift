import DistillTestSupport
import Testing

@testable import DistillInput

@Suite("gzip and plain input")
struct GzipInputTests {
    func readAll(_ path: String) -> (text: String, error: InputError?) {
        var bytes: [UInt8] = []
        do {
            let opened = try InputOpener.open(.file(path))
            var buf = [UInt8](repeating: 0, count: 4096)
            while true {
                let n = try buf.withUnsafeMutableBytes { try opened.reader.read(into: $0) }
                if n == 0 { break }
                bytes += buf[0..<n]
            }
            return (String(decoding: bytes, as: UTF8.self), nil)
        } catch let e as InputError {
            return (String(decoding: bytes, as: UTF8.self), e)
        } catch { fatalError("\(error)") }
    }

    @Test func concatenatedMembersAreReadWhole() {
        let dir = TempDir()
        let p = dir.write("multi.jsonl.gz", Gzip.compress(Array("a\n".utf8)) + Gzip.compress(Array("b\n".utf8)) + Gzip.compress(Array("c\n".utf8)))
        let r = readAll(p)
        #expect(r.text == "a\nb\nc\n")
        #expect(r.error == nil)
    }

    @Test func truncatedMemberKeepsBytesBeforeAndNamesOffset() {
        let dir = TempDir()
        let body = (0..<2000).map { "{\"line\":\($0)}\n" }.joined()
        let gz = Gzip.compress(Array(body.utf8))
        let p = dir.write("cut.gz", Array(gz[0..<(gz.count / 2)]))
        let r = readAll(p)
        guard case .truncatedGzip(let path, let offset)? = r.error else { Issue.record("expected truncation, got \(String(describing: r.error))"); return }
        #expect(path == p)
        #expect(offset > 0 && offset <= gz.count / 2)
        #expect(!r.text.isEmpty && body.hasPrefix(r.text))
    }

    @Test func corruptDataIsReportedNotCrashed() {
        let dir = TempDir()
        var gz = Gzip.compress(Array(String(repeating: "hello world\n", count: 500).utf8))
        for i in 20..<40 { gz[i] ^= 0xFF }
        let r = readAll(dir.write("bad.gz", gz))
        #expect(r.error != nil)
    }

    @Test(arguments: [8, 4, 2])  // CRC-32 bytes, then the length (ISIZE) bytes
    func damagedTrailerIsACorruptMemberNamingFileAndOffset(fromEnd: Int) {
        let dir = TempDir()
        var gz = Gzip.compress(Array("{\"a\":1}\n".utf8))
        gz[gz.count - fromEnd] ^= 0x01
        let p = dir.write("trailer.gz", gz)
        let r = readAll(p)
        guard case .corruptGzip(let path, let offset, let detail)? = r.error else {
            Issue.record("expected a checksum failure, got \(String(describing: r.error))"); return
        }
        #expect(path == p)
        #expect(offset > 0 && offset <= gz.count)
        #expect(detail.contains("CRC-32 or length"))
        #expect(r.error?.description.contains(p) == true)
    }

    @Test func membersSplitAcrossManySmallReadsAreReadWhole() {
        let dir = TempDir()
        // 3000 small members (~90 KB): some header or trailer straddles the 64 KiB read.
        let members = (0..<3000).map { Gzip.compress(Array("{\"line\":\($0)}\n".utf8)) }
        let p = dir.write("many.gz", members.flatMap { $0 })
        let r = readAll(p)
        #expect(r.error == nil)
        #expect(r.text == (0..<3000).map { "{\"line\":\($0)}\n" }.joined())
    }

    @Test func garbageNamedGzIsReadAsPlainBytes() {
        let dir = TempDir()
        let p = dir.write("fake.jsonl.gz", "not gzip at all\n")
        let opened = try! InputOpener.open(.file(p))
        #expect(opened.compression == .none)
    }

    @Test func zstdIsRefusedWithAClearMessage() {
        let dir = TempDir()
        let p = dir.write("x.jsonl.zst", [0x28, 0xB5, 0x2F, 0xFD, 0, 0, 0])
        #expect(throws: InputError.unsupportedCompression(path: p, compression: .zstd)) { try InputOpener.open(.file(p)) }
        #expect(InputError.unsupportedCompression(path: p, compression: .zstd).description.contains("zstd is not supported"))
    }

    @Test func trailingZeroPaddingIsHarmless() {
        let dir = TempDir()
        let p = dir.write("pad.gz", Gzip.compress(Array("x\n".utf8)) + [UInt8](repeating: 0, count: 512))
        let r = readAll(p)
        #expect(r.text == "x\n")
        #expect(r.error == nil)
    }

    /// Was a warning with `complete: true`; the tail may be a member whose header was damaged.
    @Test func trailingGarbageIsReportedAndLosesData() {
        let dir = TempDir()
        let p = dir.write("tail.gz", Gzip.compress(Array("x\n".utf8)) + Array("junk".utf8))
        let r = readAll(p)
        #expect(r.text == "x\n")
        #expect(r.error == .trailingGarbage(path: p, offset: Gzip.compress(Array("x\n".utf8)).count))
        #expect(r.error?.losesData == true)
    }

    @Test func emptyFileReadsNothing() {
        let dir = TempDir()
        let r = readAll(dir.write("empty.jsonl", ""))
        #expect(r.text.isEmpty && r.error == nil)
    }
}
