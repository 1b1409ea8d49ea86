import ArgumentParser
import DistillInput
import DistillScan

/// `distillscan merge`: states into one (associative and commutative: merge shards as a
/// tree in any order).
struct Merge: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Merge state files from `distillscan profile` into one.",
        discussion: """
            Examples:
              distillscan merge part-*.state -o all.state
              distillscan merge days/2026-06-0[1-7].state -o week-23.state
            States made with different parameters, rule packs or accounts files are refused;
            an input found in two states (the same SHA-256) is counted once.
            Exit codes: 0 ok, 2 usage error or a refused state (nothing is written then).
            """)

    @Argument(help: "State files.") var states: [String] = []
    @Option(name: [.short, .long], help: "Write the merged state here (atomically).") var output: String
    @Option(help: "Worker threads (default: number of cores). Output does not depend on it.") var threads: Int?
    @Flag(help: "No messages on stderr except errors.") var quiet = false

    func run() throws {
        guard !states.isEmpty else { throw ValidationError("give at least one state file") }
        let t = try StateOperands.threads(threads)
        let merged = try StateOperands.check {
            try StateOperands.loadAndMerge(states, threads: t, quiet: quiet).state
        }
        let bytes = merged.serialized()
        try OutputFile.write(bytes, to: output)
        if !quiet { Output.message("\(states.count) state(s), \(merged.inputs.count) input(s), \(merged.profiles.accountCount) account(s): \(bytes.count) bytes written to \(output)") }
    }
}
