import ArgumentParser
import DistillProfile

/// `--rules FILE`: the built-in pack with the file's rules added, after lint and the
/// regular-expression safety check (a usage error otherwise).
enum RulesOption {
    static func pack(_ path: String?) throws -> RulePack {
        guard let r = path else { return .builtIn }
        let extra: RulePack
        do { extra = try RulePack.load(path: r) } catch { throw ValidationError("\(error)") }
        let problems = extra.lint() + RegexSafety.problems(extra)
        guard problems.isEmpty else { throw ValidationError("--rules \(r): " + problems.joined(separator: "; ")) }
        return RulePack.builtIn.adding(extra)
    }
}
