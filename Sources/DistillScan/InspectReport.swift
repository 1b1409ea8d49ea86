import DistillDecode
import DistillProfile

/// `distillscan inspect`: what an unknown dump holds, before any analysis.
public struct InspectReport {
    public var input: InputSummary
    public var sink: InspectSink
    /// How many top accounts and models to list.
    public var top = 10

    public init(input: InputSummary, sink: InspectSink) {
        self.input = input
        self.sink = sink
    }
}
