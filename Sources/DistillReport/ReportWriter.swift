import DistillScan

/// The output formats of `analyze`.
package enum ReportFormat: String, Sendable, CaseIterable {
    case markdown, json, ndjson, dot, html
}

/// Renders a report in any format.
package enum ReportWriter {
    package static func render(_ r: AnalysisReport, format: ReportFormat) -> String {
        switch format {
        case .json: return r.json().render() + "\n"
        case .ndjson: return r.ndjson()
        case .markdown: return r.markdown()
        case .dot: return r.dot()
        case .html: return r.html()
        }
    }
}
