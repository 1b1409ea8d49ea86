import DistillTestSupport
import Testing

@testable import DistillInput

@Suite("SHA-256 for chain of custody")
struct SHA256Tests {
    @Test(arguments: [
        ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        ("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"),
    ])
    func knownVectors(_ input: String, _ digest: String) {
        let dir = TempDir()
        #expect(SHA256.file(dir.write("v.txt", input)) == digest)
    }

    @Test(arguments: [false, true])
    func hashBuiltWhileReadingEqualsTheWholeFileHash(gzip: Bool) throws {
        let dir = TempDir()
        let body = Array((0..<5000).map { "{\"n\":\($0)}\n" }.joined().utf8)
        let path = dir.write(gzip ? "x.jsonl.gz" : "x.jsonl", gzip ? Gzip.compress(body) + Gzip.compress(body) : body)
        let opened = try InputOpener.open(.file(path), hash: true)
        var buf = [UInt8](repeating: 0, count: 1000)
        #expect(opened.reader.sha256 == nil)  // not before the end
        while try buf.withUnsafeMutableBytes({ try opened.reader.read(into: $0) }) > 0 {}
        #expect(opened.reader.sha256 == SHA256.file(path))
    }
}
