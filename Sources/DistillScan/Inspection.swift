import DistillDecode
import DistillProfile
import DistillReport

/// `distillscan inspect`: reads the inputs and summarises them.
public enum Inspection {
    public static func run(_ config: InputConfiguration) -> InspectReport {
        let scans = ParallelScan.run(config.sources, threads: config.threads, options: config.decode) { InspectSink() }
        var sink = InspectSink()
        let summary = InputSummary.merging(scans, into: &sink)
        return InspectReport(input: summary, sink: sink)
    }
}
