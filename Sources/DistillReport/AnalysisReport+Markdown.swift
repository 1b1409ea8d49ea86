import DistillDecode
import DistillScan
import DistillScore

extension AnalysisReport {
    public func markdown() -> String { MarkdownReport(report: self).render() }
}
