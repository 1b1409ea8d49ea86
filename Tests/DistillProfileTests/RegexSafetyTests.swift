import Testing

@testable import DistillProfile

/// Issue 19: a rule pack with `(a+)+$` ran for minutes per prompt and `rules lint`
/// accepted it.
@Suite("rule-pack regexes cannot backtrack exponentially")
struct RegexSafetyTests {
    @Test(arguments: [#"(a+)+$"#, #"(\w*)*x"#, #"(?:ab+c)*"#, #"((a|b)+)+"#, #"(x+y?){2,}"#, #"([a-z]+\s?)+!"#, #"(?<w>\d+){3,5}"#, #"((ab)*c)+"#])
    func nestedRepetitionIsFound(_ pattern: String) {
        #expect(RegexSafety.hasNestedRepetition(pattern))
    }

    @Test(arguments: [#"ignore (all|previous) instructions"#, #"(a+)?b"#, #"(ab)+c"#, #"a+b*c{2,}"#, #"[(a+)]+"#, #"\(a+\)+"#, #"(a{1})+"#, #"x{,1}(y+)"#, #"(?i)step.by.step"#, #"\Q(a+)+\E"#])
    func boundedOrFlatPatternsAreAllowed(_ pattern: String) {
        #expect(!RegexSafety.hasNestedRepetition(pattern))
    }

    @Test func theBuiltInPackIsSafeAndAHostilePackIsRefusedNamingTheRule() {
        #expect(RegexSafety.problems(.builtIn).isEmpty)
        var pack = RulePack.builtIn
        pack.rules[0].id = "evil-rule"
        pack.rules[0].regex = ["(a+)+$"]
        let problems = RegexSafety.problems(pack)
        #expect(problems.count == 1 && problems[0].hasPrefix("evil-rule: regex (a+)+$"))
    }
}
