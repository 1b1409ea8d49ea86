import ArgumentParser
import DistillCase
import DistillInput
import DistillReport
import Foundation

struct Extract: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Copy a campaign's members' raw request lines, byte for byte, into a gzip evidence file with a manifest.",
        discussion: """
            Writes OUTPUT (gzip JSONL: the lines as they are in the dump) and OUTPUT.manifest.json
            (source file and its SHA-256, line number and SHA-256 of every extracted line).
            Examples:
              distillscan extract dump/ --campaign C-0b67d7193c --report report.json -o evidence.jsonl.gz
              zcat evidence.jsonl.gz | jq -r .account_id | sort | uniq -c
            """)

    @OptionGroup var input: InputOptions
    @Option(help: "The campaign whose members' lines to extract.") var campaign: String
    @Option(help: "The report (JSON) or case database the campaign is in.") var report: String
    @Option(name: [.short, .long], help: "The evidence file to write (gzip).") var output: String

    func run() throws {
        let members: Set<String>
        var reportSHA256: String? = nil
        if CaseDatabase.looksLikeDatabase(report) {
            let db = try CaseDatabase(path: report, readOnly: true)
            members = Set((try db.campaignDocument(campaign).campaign["accounts"] as? [String]) ?? [])
        } else {
            let file = try ReportFile.load(report)
            members = Set((try file.campaign(campaign)["accounts"] as? [String]) ?? [])
            reportSHA256 = file.sha256
        }
        let config = try input.configuration()
        var extract = EvidenceExtract(members: members, options: config.decode)
        var deflater: GzipDeflater
        do { deflater = try GzipDeflater(level: 6) } catch { throw CaseError("zlib: \(error.message)") }
        var bytes: [UInt8] = []
        extract.run(config.sources, into: &deflater, output: &bytes)
        let done = extract
        try EvidenceExtract.write(
            bytes,
            manifest: { sha in
                done.manifest(campaign: campaign, reportPath: report, reportSHA256: reportSHA256, output: output, outputSHA256: sha)
            }, to: output)
        for s in extract.sources where s.error != nil { Output.message(s.error!) }
        Output.message("\(extract.lines.count) line(s) of \(members.count) member(s) from \(extract.sources.count) file(s) → \(output) (+ .manifest.json)")
        if extract.sources.contains(where: { $0.error != nil }) { throw ExitCode(3) }
    }
}
