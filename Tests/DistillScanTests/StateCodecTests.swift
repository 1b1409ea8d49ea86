import DistillInput
import DistillTestSupport
import Foundation
import Testing

@testable import DistillScan

/// The state codec never half-reads: content that passes the checksum but does not
/// decode (a broken or hostile writer) is refused, never trapped on.
@Suite("state files: codec")
struct StateCodecTests {
    static func smallState() throws -> [UInt8] {
        let config = try Fixture.config("hostile", threads: 1, paths: [Fixture.path("Fixtures/hostile/logs/lines.jsonl")])
        return Profiling.run(config).serialized()
    }

    /// `bytes` with its content replaced and the header's length and checksum made to match.
    static func resealed(_ bytes: [UInt8], content: [UInt8]) -> [UInt8] {
        var w = BinaryWriter()
        for b in StateFile.magic { w.u8(b) }
        w.u32(StateFile.formatVersion)
        w.u64(UInt64(content.count))
        let sha = SHA256()
        content.withUnsafeBytes { sha.update($0) }
        for b in sha.finish().utf8 { w.u8(b) }
        return w.bytes + content
    }

    @Test func aStateReadBackWritesTheSameBytes() throws {
        let bytes = try Self.smallState()
        #expect(try StateFile.parse(bytes, name: "s").serialized() == bytes)
    }

    @Test func mutatedContentWithAValidChecksumIsRefusedOrReadNeverTrapped() throws {
        let bytes = try Self.smallState()
        let content = Array(bytes[StateFile.headerBytes...])
        var seed: UInt64 = 0x5eed
        func next() -> Int {
            seed = seed &* 6364136223846793005 &+ 1442695040888963407
            return Int(truncatingIfNeeded: seed >> 33)
        }
        var refused = 0
        for round in 0..<240 {
            var c = content
            switch round % 3 {
            case 0: for _ in 0..<(1 + next() % 4) { c[next() % c.count] = UInt8(truncatingIfNeeded: next()) }
            case 1: c = Array(c.prefix(next() % c.count))
            default: c[next() % (c.count - 8)..<c.count].withUnsafeMutableBufferPointer { $0.update(repeating: 0xFF) }
            }
            do { _ = try StateFile.parse(Self.resealed(bytes, content: c), name: "m") } catch {
                if case .malformed = error { refused += 1 } else { Issue.record("unexpected refusal \(error)") }
            }
        }
        #expect(refused > 180)
    }

    @Test func aCountLargerThanTheBytesLeftIsRefusedBeforeAllocating() {
        var w = BinaryWriter()
        w.count(1 << 40)
        var r = BinaryReader(w.bytes)
        #expect(throws: BinaryReader.Malformed.self) { try r.count(itemBytes: 1) }
        var s = BinaryReader([5, 0x61, 0x62])
        #expect(throws: BinaryReader.Malformed.self) { try s.string() }
        // Eleven continuation bytes: longer than any 64-bit number.
        var long = BinaryReader([UInt8](repeating: 0xFF, count: 11) + [0])
        #expect(throws: BinaryReader.Malformed.self) { try long.varint() }
    }

    @Test func varintsRoundTripAtTheirLimits() throws {
        var w = BinaryWriter()
        let values: [Int64] = [0, 1, -1, 63, -64, 64, 1 << 40, .max, .min]
        for v in values { w.i64(v) }
        w.varint(.max)
        var r = BinaryReader(w.bytes)
        for v in values { #expect(try r.i64() == v) }
        #expect(try r.varint() == .max)
        #expect(r.atEnd)
    }
}

/// A state header whose content length is near 2^64 made `header + length` overflow,
/// which trapped instead of refusing the file.
@Suite("state files: header length overflow")
struct StateHeaderLengthOverflowTests {
    @Test func aHeaderLengthThatOverflowsIsRefusedAsTruncatedNotTrappedOn() throws {
        var w = BinaryWriter()
        for b in StateFile.magic { w.u8(b) }
        w.u32(StateFile.formatVersion)
        w.u64(UInt64.max - 10)
        for _ in 0..<64 { w.u8(UInt8(ascii: "0")) }
        do {
            _ = try StateFile.parse(w.bytes, name: "huge")
            Issue.record("a state claiming 2^64 bytes of content was accepted")
        } catch {
            guard case .truncated = error else { Issue.record("refused, but as \(error)"); return }
        }
    }
}
