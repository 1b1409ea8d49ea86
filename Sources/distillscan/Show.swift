import ArgumentParser
import DistillCase
import Foundation

struct Show: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Show one campaign, whole: signals, every member with its figures, infrastructure, families, timeline.",
        discussion: """
            SOURCE is a saved report (`analyze --format json -o report.json`) or a case
            database (`analyze --db case.sqlite`; the latest run that has the campaign).
            Examples:
              distillscan show report.json C-0b67d7193c
              distillscan show case.sqlite C-0b67d7193c --format json | jq '.members[] | .account'
            """)

    @Argument(help: "A JSON report or a case database.") var source: String
    @Argument(help: "The campaign id (C-…).") var campaign: String
    @Option(help: "Output format.") var format: TextFormat = .markdown
    @OptionGroup var out: OutputOptions

    func run() throws {
        let doc = try CaseCommand.campaignDocument(source: source, id: campaign)
        try Output.write(format == .json ? doc.json() : doc.markdown(), to: out.output)
    }
}

extension CaseCommand {
    /// A campaign from a report file or a case database (told apart by the SQLite header).
    static func campaignDocument(source: String, id: String) throws -> CampaignDocument {
        if CaseDatabase.looksLikeDatabase(source) {
            let db = try CaseDatabase(path: source, readOnly: true)
            return try db.campaignDocument(id)
        }
        return try CampaignDocument(report: try ReportFile.load(source), id: id)
    }
}
