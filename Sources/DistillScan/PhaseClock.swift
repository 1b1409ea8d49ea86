import DistillInput
import Foundation

/// With `DISTILLSCAN_TIMING=1`, prints how long each pipeline phase took (stderr).
final class PhaseClock: @unchecked Sendable {
    private let enabled: Bool
    private var last = Date()
    init(enabled: Bool) { self.enabled = enabled }
    func lap(_ name: String) {
        guard enabled else { return }
        let now = Date()
        StandardStreams.error(String(format: "distillscan: %@ %.2f s\n", name, now.timeIntervalSince(last)))
        last = now
    }
}
