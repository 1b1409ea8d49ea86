import Testing

@testable import DistillInput

/// A state file's strings are checked to be UTF-8 by decoding them and comparing the
/// bytes back: the answer must be `String(validating:as:)`'s for every input.
@Suite("binary reader strings")
struct BinaryReaderStringTests {
    static let samples: [[UInt8]] = [
        [], Array("plain".utf8), Array("é思😀 mixed".utf8), Array("\u{FFFD}".utf8), [0x00], [0x7F],
        [0x80], [0xC3], [0xC0, 0x80], [0xE0, 0x80, 0x80], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80],
        [0xF0, 0x9F, 0x98], [0xFF], [0x61, 0xE2, 0x82], Array("ab".utf8) + [0xEF, 0xBF] + Array("c".utf8),
    ]

    @Test func aStringIsReadExactlyWhenItIsUTF8() {
        for bytes in Self.samples {
            let expected = String(validating: bytes, as: UTF8.self)
            #expect(bytes.withUnsafeBufferPointer { BinaryReader.validUTF8($0) } == expected, "\(bytes)")
        }
        // Every two-byte input, and three-byte inputs around the surrogates and overlongs.
        for a in 0..<256 {
            for b in 0..<256 {
                let bytes = [UInt8(a), UInt8(b)]
                #expect(bytes.withUnsafeBufferPointer { BinaryReader.validUTF8($0) } == String(validating: bytes, as: UTF8.self))
            }
        }
        for lead in [0xE0, 0xED, 0xEF, 0xF0, 0xF4] as [UInt8] {
            for b in 0x70..<0xC8 {
                let bytes = [lead, UInt8(b), 0x80]
                #expect(bytes.withUnsafeBufferPointer { BinaryReader.validUTF8($0) } == String(validating: bytes, as: UTF8.self))
            }
        }
    }

    @Test func aStateStringThatIsNotUTF8IsRefusedWithItsOffset() throws {
        var writer = BinaryWriter()
        writer.string("ok")
        var bytes = writer.bytes
        bytes += [2, 0xC3, 0x28]  // a count of 2, then an invalid two-byte sequence
        var reader = BinaryReader(bytes)
        #expect(try reader.string() == "ok")
        // The bad string's bytes begin at offset 4: "ok" with its count, then the count 2.
        #expect { try reader.string() } throws: { ($0 as? BinaryReader.Malformed)?.what == "a string that is not UTF-8 at byte 4" }
    }
}
