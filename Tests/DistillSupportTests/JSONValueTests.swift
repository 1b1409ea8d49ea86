import Foundation
import Testing

@testable import DistillSupport

/// The JSON writer, on bytes: literals escaped as before (quotes, backslashes, controls,
/// DEL, C1 controls and the line/paragraph separators as `\u` escapes), everything else
/// copied, and the same layout pretty or compact.
@Suite("JSON writer")
struct JSONValueTests {
    @Test func hostileStringsAreEscapedAndReadBackUnchanged() throws {
        let cases: [(String, String)] = [
            ("plain", #""plain""#),
            ("quote \" and \\ backslash", #""quote \" and \\ backslash""#),
            ("line\nreturn\rtab\t", #""line\nreturn\rtab\t""#),
            ("nul\u{0} bell\u{7} esc\u{1B} del\u{7F}", #""nul\u0000 bell\u0007 esc\u001b del\u007f""#),
            ("c1 \u{80} \u{85} \u{9F} not \u{A0}", "\"c1 \\u0080 \\u0085 \\u009f not \u{A0}\""),
            ("separators \u{2028}\u{2029} not \u{2027}\u{202A}", "\"separators \\u2028\\u2029 not \u{2027}\u{202A}\""),
            ("e\u{301} 漢字 👩‍💻 <\u{338}", "\"e\u{301} 漢字 👩‍💻 <\u{338}\""),
            ("", #""""#),
            ("\"", #""\"""#),
        ]
        for (text, literal) in cases {
            #expect(JSONValue.string(text).render(pretty: false) == literal)
            let back = try JSONSerialization.jsonObject(with: Data(("[" + literal + "]").utf8)) as? [String]
            #expect(back == [text])
        }
    }

    @Test func prettyAndCompactLayouts() {
        let v = JSONValue.object([
            ("a", .array([.int(1), .double(2.5), .null])), ("b", .object([])), ("c", .array([])),
            ("d", .object([("e", .bool(true)), ("f", .string("x"))])),
        ])
        #expect(v.render(pretty: false) == #"{"a":[1,2.5,null],"b":{},"c":[],"d":{"e":true,"f":"x"}}"#)
        #expect(
            v.render() == """
                {
                  "a": [
                    1,
                    2.5,
                    null
                  ],
                  "b": {},
                  "c": [],
                  "d": {
                    "e": true,
                    "f": "x"
                  }
                }
                """)
    }
}
