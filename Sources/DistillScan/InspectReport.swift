import DistillDecode
import DistillProfile

/// `distillscan inspect`: what an unknown dump holds, before any analysis.
package struct InspectReport {
    package var input: InputSummary
    package var sink: InspectSink
    /// How many top accounts and models to list.
    package var top = 10

    package init(input: InputSummary, sink: InspectSink) {
        self.input = input
        self.sink = sink
    }
}
