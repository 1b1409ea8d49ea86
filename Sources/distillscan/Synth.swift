import ArgumentParser
import DistillSynth
import Foundation

struct Synth: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write a synthetic corpus with ground truth (logs/, accounts.jsonl, truth.json).",
        discussion: """
            Every benign look-alike and campaign style of the threat model is present:
            evasive campaigns (skeleton, minute lockstep, camouflage, paraphrase farm)
            and benign automation (shared public template, lab benchmark, translation
            company) included. The specifics (wording, domains, model names, sizes,
            rates, time resolution, whether IPs are logged) are drawn per seed, and
            truth.json records them.
            Examples:
              distillscan synth /tmp/corpus --seed 7
              distillscan synth /tmp/big --accounts 20000 --days 14 --volume 4 --format litellm
              distillscan analyze /tmp/corpus/logs --accounts /tmp/corpus/accounts.jsonl --format json > r.json
              distillscan eval r.json /tmp/corpus/truth.json
              distillscan synth /tmp/real --human-prompts prompts.jsonl --no-accounts-file
            """)

    @Argument(help: "Output directory (new or empty; see --force).", completion: .directory) var outdir: String
    @Option(help: "Random seed: the same seed writes the same bytes.") var seed: UInt64 = 1
    @Option(help: "Benign accounts (campaign sizes scale with it).") var accounts: Int = 2000
    @Option(help: "Days of traffic (one gzip file per day).") var days: Int = 7
    @Option(help: "Record format of the logs.") var format: SynthConfig.Format = .canonical
    @Option(help: "Multiplies every request rate (same accounts, more requests).") var volume: Double = 1
    @Option(help: "Dirty lines injected per day file (counted in truth.json).") var dirtyLines: Int = 0
    @Option(help: "gzip level 1-9.") var gzipLevel: Int = 6
    @Flag(help: "Do not write accounts.jsonl (logs and truth only).") var noAccountsFile = false
    @Flag(help: "Write into a directory that is not empty (files of the same names are replaced).") var force = false
    @Option(
        help: ArgumentHelp(
            "Real human prompts for ordinary users and the dataset-replay campaign: JSONL ({\"prompt\": …} per line) or text, one prompt per line.",
            valueName: "file"), completion: .file()) var humanPrompts: String?

    func run() throws {
        let f = format
        if !force, let entries = try? FileManager.default.contentsOfDirectory(atPath: outdir), !entries.isEmpty {
            throw ValidationError("\(outdir) is not empty (\(entries.count) entries): give a new or empty directory, or --force to write into it")
        }
        guard accounts >= 1, accounts <= 5_000_000 else { throw ValidationError("--accounts must be between 1 and 5000000") }
        guard days >= 1, days <= 366 else { throw ValidationError("--days must be between 1 and 366") }
        guard volume > 0, volume <= 1000 else { throw ValidationError("--volume must be in (0, 1000]") }
        guard (1...9).contains(gzipLevel) else { throw ValidationError("--gzip-level must be 1-9") }
        var c = SynthConfig()
        c.seed = seed; c.accounts = accounts; c.days = days; c.format = f; c.volume = volume
        c.dirtyLinesPerFile = max(0, dirtyLines); c.gzipLevel = Int32(gzipLevel)
        c.writeAccountsFile = !noAccountsFile
        if let path = humanPrompts {
            c.humanPrompts = try HumanPrompts.load(path: path)  // exit 3 when unreadable, 2 when it holds no prompts
        }
        let s: CorpusWriter.Summary
        s = try CorpusWriter.write(c, to: outdir)
        Output.message("wrote \(s.requests) requests of \(s.accounts) accounts (\(s.campaigns) campaigns) in \(s.files.count) files under \(outdir)/logs")
    }
}

extension SynthConfig.Format: ExpressibleByArgument {}
