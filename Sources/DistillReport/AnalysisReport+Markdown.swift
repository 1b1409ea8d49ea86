import DistillDecode
import DistillScan
import DistillScore

extension AnalysisReport {
    package func markdown() -> String { MarkdownReport(report: self).render() }
}
