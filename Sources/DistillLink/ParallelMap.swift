import Dispatch

/// `body(0..<count)` on up to `threads` threads, results in index order. For independent
/// pieces of the link stage whose results are then combined in a fixed order.
func parallelMap<T: Sendable>(_ count: Int, threads: Int, _ body: @Sendable (Int) -> T) -> [T] {
    guard threads > 1, count > 1 else { return (0..<count).map(body) }
    let slots = Slots<T>(count)
    let workers = min(threads, count)
    withoutActuallyEscaping(body) { body in
        // Worker w takes indexes w, w + workers, …: each slot is written by one thread only.
        DispatchQueue.concurrentPerform(iterations: workers) { w in
            var i = w
            while i < count { slots.values[i] = body(i); i += workers }
        }
    }
    return slots.values.map { $0! }
}

/// Result slots, each written by exactly one worker before any is read.
private final class Slots<T>: @unchecked Sendable {
    var values: UnsafeMutableBufferPointer<T?>
    init(_ n: Int) {
        values = .allocate(capacity: n)
        values.initialize(repeating: nil)
    }
    deinit { values.deinitialize(); values.deallocate() }
}
