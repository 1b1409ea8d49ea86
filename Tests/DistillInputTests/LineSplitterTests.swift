import DistillTestSupport
import Testing

@testable import DistillInput

@Suite("line splitting")
struct LineSplitterTests {
    func lines(_ text: [UInt8], max: Int = 1 << 20, chunk: Int = 7) throws -> [(String, Int, Int?)] {
        let dir = TempDir()
        let p = dir.write("l.txt", text)
        let opened = try InputOpener.open(.file(p))
        var out: [(String, Int, Int?)] = []
        try LineSplitter(maxLineBytes: max, chunkSize: chunk).forEachLine(of: opened.reader) { l in
            out.append((String(decoding: l._unsafeBytes, as: UTF8.self), l.number, l.oversizedLength))
        }
        return out
    }

    @Test func splitsAcrossChunkBoundariesAndKeepsLastLineWithoutNewline() throws {
        let r = try lines(Array("alpha\nbeta gamma delta\n\nlast".utf8))
        #expect(r.map(\.0) == ["alpha", "beta gamma delta", "", "last"])
        #expect(r.map(\.1) == [1, 2, 3, 4])
    }

    @Test func oversizedLinesAreReportedWithTheirLengthAndSkipped() throws {
        let long = String(repeating: "x", count: 5000)
        let r = try lines(Array("a\n\(long)\nb\n\(long)".utf8), max: 1000, chunk: 64)
        #expect(r.map(\.0) == ["a", "", "b", ""])
        #expect(r.map(\.2) == [nil, 5000, nil, 5000])
    }
}
