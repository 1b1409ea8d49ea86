import Testing

@testable import DistillDecode

/// The parser reads a number's digit runs eight bytes at a time: every run length, and
/// every byte that can end one, must end it exactly where a byte-by-byte scan would.
@Suite("JSON number runs")
struct NumberRunTests {
    /// Where the parse of `bytes` ends the number at offset 1, or the offset of its error.
    static func outcome(_ bytes: [UInt8]) -> Result<Int, JSONParseError> {
        var tape = JSONTape()
        do {
            try bytes.withUnsafeBytes { try tape.parse($0, maxDepth: 8) }
            return .success(Int(tape._unsafeNodes[1].end))
        } catch let error as JSONParseError {
            return .failure(error)
        } catch {
            return .failure(.invalidJSON(offset: -1))
        }
    }

    @Test func aDigitRunEndsAtItsFirstNonDigitByte() {
        for length in 1...19 {
            for prefix in [[UInt8](), Array("-".utf8), Array("-0.".utf8), Array("1.".utf8), Array("2e+".utf8)] {
                // Every byte but the digits, and those that go on a number ('.', 'e', 'E').
                for stop in (0...255).map(UInt8.init) where !(0x30...0x39).contains(stop) && !Array(".eE".utf8).contains(stop) {
                    let digits = (0..<length).map { UInt8(0x31 + $0 % 9) }
                    let line = Array("[".utf8) + prefix + digits + [stop] + Array("]".utf8)
                    let end = 1 + prefix.count + length
                    let expected: Result<Int, JSONParseError> =
                        switch stop {
                        case 0x20, 0x09, 0x0A, 0x0D: .success(end)  // whitespace, then the array closes
                        case UInt8(ascii: ","), UInt8(ascii: "]"): .failure(.invalidJSON(offset: end + 1))  // "]" is no value / one "]" too many
                        case 0: .failure(.nulByte(offset: end))
                        default: .failure(.invalidJSON(offset: end))
                        }
                    #expect(Self.outcome(line) == expected, "run \(length) after \(prefix), stop \(stop)")
                }
            }
        }
    }

    @Test func aRunAtTheEndOfTheLineEndsTheLine() {
        for length in 1...19 {
            let line = Array(String(repeating: "7", count: length).utf8)
            #expect(Self.outcome(line + Array(",".utf8)) == .failure(.invalidJSON(offset: length)))
            var tape = JSONTape()
            #expect(throws: Never.self) { try line.withUnsafeBytes { try tape.parse($0, maxDepth: 8) } }
            #expect(tape._unsafeNodes.first.map { Int($0.end) } == length)
        }
    }
}
