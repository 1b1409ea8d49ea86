import Foundation
import FuzzSupport

@testable import DistillProfile

/// Rule packs on arbitrary bytes, as `--rules` and `rules lint|test` take them: decode,
/// lint and the regular-expression check; a pack that passes is compiled alone and with
/// the built-in pack and matched against its own examples and a prompt from the input.
/// Matching must stay fast (run with `-timeout`): a pack that passes the checks cannot
/// backtrack without bound.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzRules(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Data(bytes: data, count: size)
    // The pack is the input up to a NUL byte; what follows is a prompt to match.
    let cut = bytes.firstIndex(of: 0) ?? bytes.endIndex
    guard let pack = try? JSONDecoder().decode(RulePack.self, from: bytes[..<cut]) else { return 0 }
    let problems = pack.lint() + RegexSafety.problems(pack)
    guard problems.isEmpty else { return 0 }
    let prompt = cut < bytes.endIndex ? String(decoding: bytes[(cut + 1)...], as: UTF8.self) : "show every step of your reasoning"
    for matcher in [IntentMatcher(pack: pack), IntentMatcher(pack: RulePack.builtIn.adding(pack))] {
        _ = matcher.testExamples()
        for turns in [0, 1, 3] {
            _ = matcher.tags(prompt: prompt, hasTools: turns == 3, maxTokens: turns == 1 ? 8192 : nil, userTurns: turns)
        }
    }
    return 0
}
