import DistillDecode
import DistillProfile
import DistillReport

/// `distillscan inspect`: reads the inputs and summarises them.
public enum Inspection {
    public static func run(_ config: InputConfiguration) -> InspectReport {
        var options = config.decode
        options.extractText = false  // inspect counts; it never reads prompts
        let scans = ParallelScan.run(config.sources, threads: config.threads, options: options) { InspectSink() }
        var sink = InspectSink()
        let summary = InputSummary.merging(scans, into: &sink)
        return InspectReport(input: summary, sink: sink)
    }
}
