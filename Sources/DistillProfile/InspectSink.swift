import DistillDecode

/// The `inspect` pass: requests per account and per model.
package struct InspectSink: RecordSink {
    package var requestsByAccount: [String: Int] = [:]
    package var requestsByModel: [String: Int] = [:]
    package var failed = 0
    package var withPrompt = 0

    package init() {}

    package mutating func consume(_ r: RequestRecord) {
        requestsByAccount[r.account, default: 0] += 1
        requestsByModel[r.model ?? "(none)", default: 0] += 1
        if r.failed { failed += 1 }
        if !r.promptUTF8.isEmpty { withPrompt += 1 }
    }

    package mutating func merge(_ o: InspectSink) {
        requestsByAccount.merge(o.requestsByAccount, uniquingKeysWith: +)
        requestsByModel.merge(o.requestsByModel, uniquingKeysWith: +)
        failed += o.failed
        withPrompt += o.withPrompt
    }

    /// Top entries by count, ties broken by name, so output is stable.
    package static func top(_ d: [String: Int], _ n: Int) -> [(String, Int)] {
        Array(d.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.prefix(n)).map { ($0.key, $0.value) }
    }
}
