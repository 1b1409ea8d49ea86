import ArgumentParser
import DistillCase
import DistillReport
import DistillScan
import Foundation

struct Account: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "One account's profile: activity, infrastructure, families, intent, and the accounts it links to with the evidence.",
        discussion: """
            The last operand is the account id; the ones before it are the dump (as for analyze).
            Examples:
              distillscan account dump/ --accounts accounts.jsonl acct_1bf6442d0e
              distillscan account 'logs/*.jsonl.gz' user-5043931 --format json | jq '.links'
            """)

    @OptionGroup var input: InputOptions
    @Option(help: "Accounts file (JSONL, may be gzip).") var accounts: String?
    @Option(help: "Output format.") var format: TextFormat = .markdown
    @OptionGroup var out: OutputOptions
    @OptionGroup var parameters: ParameterOptions

    func run() throws {
        guard input.paths.count >= 2, let id = input.paths.last else { throw ValidationError("give the dump and then the account id: distillscan account DUMP... ID") }
        var dump = input
        dump.paths.removeLast()
        if let a = accounts, !FileManager.default.fileExists(atPath: a) { throw ValidationError("--accounts \(a): no such file") }
        var config = AnalysisConfiguration(input: try dump.configuration(), accountsFile: accounts)
        try parameters.apply(to: &config, input: dump)
        config.hashInputs = false
        config.leavesStateForExit = true  // the command exits once the dossier is written
        try Output.preflight(out.output)
        let (dossier, summary) = try AccountDossier.build(config, id: id)
        try Output.write(format == .json ? dossier.json(input: summary).render() + "\n" : dossier.markdown(), to: out.output)
        Output.warnAboutInput(summary, quiet: true)
        if !summary.complete { throw ExitCode(3) }
    }
}
