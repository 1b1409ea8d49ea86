import DistillInput
import Foundation

/// With `--timings`, prints how long each pipeline phase took (stderr).
struct PhaseClock {
    private let enabled: Bool
    private var last = Date()
    init(enabled: Bool) { self.enabled = enabled }
    mutating func lap(_ name: String) {
        guard enabled else { return }
        let now = Date()
        StandardStreams.error(String(format: "distillscan: %@ %.2f s\n", name, now.timeIntervalSince(last)))
        last = now
    }
}
