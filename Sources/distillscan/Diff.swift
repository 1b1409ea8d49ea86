import ArgumentParser
import DistillCase
import DistillReport
import DistillSupport
import Foundation

struct Diff: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Compare two saved reports: which campaigns are new, grown, shrunk, changed, unchanged or gone.",
        discussion: """
            Both reports are `analyze --format json` output. Campaigns of NEW that continue a
            campaign of OLD (more than half of the smaller one's members shared) take OLD's id.
            Examples:
              distillscan diff last-week.json this-week.json
              distillscan diff last-week.json this-week.json --format json | jq '.campaigns[] | select(.status == "new")'
            """)

    @Argument(help: "The earlier report.") var old: String
    @Argument(help: "The later report.") var new: String
    @Option(help: "Output format.") var format: TextFormat = .markdown
    @OptionGroup var out: OutputOptions

    func run() throws {
        let (a, b) = try CaseCommand.check { (try ReportFile.load(old), try ReportFile.load(new)) }
        let comparison = Baseline.diff(old: a, new: b)
        let text: String
        if format == .json {
            guard case .object(let fields) = comparison.json else { return }
            text =
                JSONValue.object([("schema_version", .int(ReportFile.schemaVersion)), ("new_report", .object([("path", .string(b.path)), ("sha256", .string(b.sha256))]))] + fields).render() + "\n"
        } else {
            text = "# distillscan diff\n" + comparison.markdown(title: "Changes from \(SafeText.markdown(a.path, limit: 120)) to \(SafeText.markdown(b.path, limit: 120))")
        }
        try Output.write(text, to: out.output)
    }
}
