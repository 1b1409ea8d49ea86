import DistillScan

/// The output formats of `analyze`.
public enum ReportFormat: String, Sendable, CaseIterable {
    case markdown, json, ndjson, dot, html
}

/// Renders a report in any format.
public enum ReportWriter {
    public static func render(_ r: AnalysisReport, format: ReportFormat) -> String {
        switch format {
        case .json: return r.json().render() + "\n"
        case .ndjson: return r.ndjson()
        case .markdown: return r.markdown()
        case .dot: return r.dot()
        case .html: return r.html()
        }
    }
}
