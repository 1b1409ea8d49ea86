import DistillSupport
import Testing

@testable import DistillReport

@Suite("text from the logs is never active")
struct SafeTextTests {
    @Test(arguments: [
        "\u{1B}[31mred\u{1B}[0m and \u{1B}]8;;http://evil\u{07}link",
        "<script>alert(1)</script>",
        "# Heading\n## another",
        "a | b | c",
        "```\ncode fence\n```",
        "[click](javascript:alert(1)) ![img](x)",
        "bidi \u{202E}reversed\u{202C} text",
    ])
    func markdownNeutralisesEverything(_ input: String) {
        let out = SafeText.markdown(input)
        #expect(!out.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F || (0x80...0x9F).contains($0.value) })
        #expect(!out.contains("<script"))
        #expect(!out.contains("\n"))
        #expect(!out.contains("```"))
        #expect(!out.contains(" | ") && !out.hasPrefix("|"))
        #expect(!out.contains("\u{202E}"))
        #expect(!out.hasPrefix("#"))
        #expect(!out.contains("]("))
    }

    @Test func longTextIsTruncated() {
        let out = SafeText.plain(String(repeating: "a", count: 1000), limit: 50)
        #expect(out.count == 51 && out.hasSuffix("…"))
    }

    @Test func jsonEscapesControlCharactersAndRendersNumbersStably() {
        #expect(JSONValue.string("a\u{1B}b\"\n").render() == #""a\u001bb\"\n""#)
        #expect(JSONValue.number(0.1 + 0.2) == "0.3")
        #expect(JSONValue.number(12) == "12")
        #expect(JSONValue.number(-1.23456) == "-1.2346")
    }
}
