import FuzzSupport

@testable import DistillDecode

/// The JSON tape and the record decoder on arbitrary bytes as one line: no crash, no
/// trap, and every tape node inside the line.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzDecode(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let line = UnsafeRawBufferPointer(start: data, count: size)
    var tape = JSONTape()
    if (try? tape.parse(line, maxDepth: 64)) != nil {
        for (i, n) in tape._unsafeNodes.enumerated() {
            guard n.start >= 0, n.start <= n.end, Int(n.end) <= size else { FuzzSupport.fail("node \(i) spans \(n.start)..<\(n.end) of \(size) bytes") }
            guard n.next >= 0, Int(n.next) <= tape._unsafeNodes.count else { FuzzSupport.fail("node \(i) links to \(n.next) of \(tape._unsafeNodes.count)") }
        }
        for i in tape._unsafeNodes.indices {
            _ = tape.string(i, limit: 64); _ = tape.double(i); _ = tape.int(i); _ = tape.scalarText(i)
        }
    }
    for format in [nil, LogFormat.canonical, .litellm, .bedrock] {
        var options = DecodeOptions()
        options.format = format
        options.maxPromptBytes = 64
        options.maxIdentifierBytes = 16
        var decoder = RecordDecoder(options: options)
        // SAFETY: libFuzzer's input, valid for this whole call, as long as the span lives.
        if case .record(let r) = decoder.decode(RawSpan(_unsafeBytes: line)) {
            // 1990-01-01 ... 2101-01-01 in milliseconds: the documented range.
            guard r.timestamp >= 631_152_000_000, r.timestamp < 4_133_980_800_000 else { FuzzSupport.fail("timestamp \(r.timestamp) out of range") }
            guard r.prompt.utf8.count <= options.maxPromptBytes else { FuzzSupport.fail("prompt of \(r.prompt.utf8.count) bytes") }
            for n in [r.inputTokens, r.outputTokens, r.maxTokens, r.latencyMs] { if let n, n < 0 || n > Int(Int32.max) { FuzzSupport.fail("count \(n) out of bounds") } }
        }
    }
    return 0
}
