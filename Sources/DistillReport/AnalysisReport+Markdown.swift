import DistillDecode
import DistillScore

extension AnalysisReport {
    public func markdown() -> String { MarkdownReport(report: self).render() }
}
