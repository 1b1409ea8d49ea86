import DistillDecode
import DistillProfile

/// `distillscan inspect`: reads the inputs and summarises them.
package enum Inspection {
    package static func run(_ config: InputConfiguration) -> InspectReport {
        var options = config.decode
        options.extractText = false  // inspect counts; it never reads prompts
        let scan = ParallelScan.run(config.sources, threads: config.threads, options: options) { InspectSink() }
        return InspectReport(input: InputSummary(scan.files), sink: scan.sink)
    }
}
