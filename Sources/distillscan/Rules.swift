import ArgumentParser
import DistillProfile
import Foundation

struct Rules: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check, test and show intent rule packs.",
        discussion: """
            Examples:
              distillscan rules show > my-rules.json       # start from the built-in pack
              distillscan rules lint my-rules.json
              distillscan rules test my-rules.json          # every rule against its own examples
              distillscan analyze dump/ --rules my-rules.json
            """,
        subcommands: [Lint.self, Test.self, Show.self])

    struct Lint: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Validate a rule pack (the built-in one without FILE).")
        @Argument(help: "Rule pack (JSON).") var file: String?
        func run() throws {
            let pack = try loadValid(file)
            try Output.write("\(file ?? "built-in"): \(pack.rules.count) rules, version \(pack.version): ok\n", to: nil)
        }
    }

    struct Test: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Run every rule against the examples it must and must not match.")
        @Argument(help: "Rule pack (JSON).") var file: String?
        func run() throws {
            let pack = try loadValid(file)
            let failures = IntentMatcher(pack: pack).testExamples()
            for f in failures { Output.message("FAIL \(f)") }
            let examples = pack.rules.reduce(0) { $0 + $1.examples.match.count + $1.examples.noMatch.count }
            try Output.write("\(examples - failures.count)/\(examples) examples pass\n", to: nil)
            if !failures.isEmpty { throw ExitCode(1) }
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Print the built-in rule pack.")
        func run() throws {
            let e = JSONEncoder()
            e.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            try Output.write(String(decoding: try e.encode(RulePack.builtIn), as: UTF8.self) + "\n", to: nil)
        }
    }

    /// The pack in `file` (the built-in one without), after lint: problems are printed,
    /// each with the file's name, and end the command with exit code 2.
    static func loadValid(_ file: String?) throws -> RulePack {
        let pack: RulePack
        if let f = file {
            do { pack = try RulePack.load(path: f) } catch { throw ValidationError("\(error)") }
        } else {
            pack = .builtIn
        }
        let problems = pack.lint() + RegexSafety.problems(pack)
        for p in problems { Output.message("\(file ?? "built-in"): \(p)") }
        if !problems.isEmpty { throw ExitCode(2) }
        return pack
    }
}
