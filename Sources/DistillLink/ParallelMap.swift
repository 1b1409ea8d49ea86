import Dispatch
import DistillInput

/// `body(0..<count)` on up to `threads` threads, results in index order. For independent
/// pieces of the link stage whose results are then combined in a fixed order.
func parallelMap<T: Sendable>(_ count: Int, threads: Int, _ body: @Sendable (Int) -> T) -> [T] {
    guard threads > 1, count > 1 else { return (0..<count).map(body) }
    let results = ResultSlots<T>(count: count)
    let workers = min(threads, count)
    withoutActuallyEscaping(body) { body in
        DispatchQueue.concurrentPerform(iterations: workers) { w in
            var i = w
            while i < count { results.set(i, body(i)); i += workers }
        }
    }
    return results.values()
}
