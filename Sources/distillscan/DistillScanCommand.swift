import ArgumentParser
import Foundation
import DistillInput
import DistillReport
import DistillScan
import DistillSupport

/// The `distillscan` command: a list of verbs over the DistillScan library.
@main
struct DistillScanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "distillscan",
        abstract: "Find coordinated distillation campaigns in LLM API request logs.",
        discussion: """
        Start with `distillscan inspect DUMP/` to see what a dump holds, then
        `distillscan analyze DUMP/ --accounts accounts.jsonl` for the findings.
        Exit codes: 0 ok, 1 findings at --fail-on, 2 usage or config error,
        3 input could not be fully read (the report is still written).
        """,
        version: ToolInfo.version,
        subcommands: [Analyze.self, Profile.self, Merge.self, Inspect.self, Templates.self, Synth.self, Eval.self, Rules.self, Diff.self, Show.self,
                      Account.self, Extract.self, ConfigCommand.self],
        defaultSubcommand: nil
    )

    /// Usage and configuration errors exit with 2 (ArgumentParser's default is 64).
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch let code as ExitCode {
            Foundation.exit(code.rawValue)
        } catch let e as any StatusError {
            // Every typed error knows its exit status (DistillSupport.ExitStatus).
            Output.message(e.description)
            Foundation.exit(e.exitStatus.rawValue)
        } catch {
            let code = exitCode(for: error)
            if code == .success { exit(withError: error) }
            StandardStreams.error(SafeText.terminal(fullMessage(for: error), keepingNewlines: true) + "\n")
            Foundation.exit(2)
        }
    }
}
