import Testing

@testable import DistillDecode

/// Issue 14, class 1: prompts were cut at their first `max_prompt_bytes`, so the closing
/// instruction of a skeleton around a long payload never reached families or rules.
@Suite("long texts keep both ends")
struct HeadAndTailTests {
    func decoded(_ json: String, limit: Int) throws -> String {
        try readTape(json) { $0.headAndTail($0.root, limit: limit) }
    }

    @Test func theClosingInstructionOfALongPromptIsKept() throws {
        let payload = String(repeating: "context words here ", count: 400)
        let text = try decoded("\"## Task\\n\(payload)\\nNow write the complete derivation.\"", limit: 1024)
        #expect(text.hasPrefix("## Task\ncontext"))
        #expect(text.hasSuffix("Now write the complete derivation."))
        #expect(text.contains(String.gap))
        #expect(text.utf8.count <= 1024)
    }

    @Test(arguments: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11])
    func escapesAndScriptsAtEveryCutDecodeCleanly(_ shift: Int) throws {
        // Escapes, surrogate pairs and CJK around wherever the tail starts.
        let unit = "\\u00e9\\n\\\"q\\\" 推理过程 \\ud83d\\ude00 ab"
        let body = String(repeating: "x", count: shift) + String(repeating: unit, count: 120)
        let text = try decoded("\"\(body)\"", limit: 400)
        #expect(text.utf8.count <= 400)
        #expect(!text.contains("\\u"))
        #expect(!text.unicodeScalars.contains("\u{FFFD}"))
        #expect(text.hasSuffix("ab"))
    }

    @Test func shortTextsAreUnchanged() throws {
        #expect(try decoded("\"Name three primes.\"", limit: 1024) == "Name three primes.")
        #expect("abc".utf8HeadAndTail(10) == "abc")
    }

    @Test func theLastContentBlockIsTheEnd() throws {
        let big = String(repeating: "payload ", count: 300)
        let json = "[{\"type\":\"text\",\"text\":\"Intro.\"},{\"type\":\"text\",\"text\":\"\(big)\"},{\"type\":\"text\",\"text\":\"Answer in full.\"}]"
        let text = try readTape(json) { MessageExtraction.text($0, $0.root, limit: 1024) }
        #expect(text.hasPrefix("Intro."))
        #expect(text.hasSuffix("Answer in full."))
        #expect(text.utf8.count <= 1024)
    }
}
