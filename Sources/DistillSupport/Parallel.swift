import Dispatch
import Foundation

/// `body(0..<count)` on up to `threads` threads, results in index order: for independent
/// pieces of work whose results are then combined in a fixed order.
package func parallelMap<T: Sendable>(_ count: Int, threads: Int, _ body: @Sendable (Int) -> T) -> [T] {
    guard threads > 1, count > 1 else { return (0..<count).map(body) }
    let results = ResultSlots<T>(count: count)
    let workers = min(threads, count)
    // Items are claimed one at a time, not dealt out in advance: a worker that starts late
    // (its thread busy with the other half of a `bothInParallel`) or meets the heavy items
    // leaves the rest to the others instead of holding them up.
    let claims = Claims()
    withoutActuallyEscaping(body) { body in
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            while let i = claims.next(below: count) { results.set(i, body(i)) }
        }
    }
    return results.values()
}

/// The next unclaimed item of a `parallelMap`.
// SAFETY: @unchecked Sendable: `claimed` is read and written only under `lock`.
private final class Claims: @unchecked Sendable {
    private var claimed = 0
    private let lock = NSLock()

    func next(below count: Int) -> Int? {
        lock.lock()
        defer { lock.unlock() }
        guard claimed < count else { return nil }
        claimed += 1
        return claimed - 1
    }
}

/// `a()` and `b()`, side by side when `threads` allows: `b` on a pool thread, `a` on the
/// calling one. (Not a two-way `concurrentPerform`: Dispatch runs an apply nested in
/// another one serially, and `a` and `b` may split their own work further.) `b` escapes
/// because the pool may release it only after it has reported its result.
package func bothInParallel<A: Sendable, B: Sendable>(threads: Int, _ a: @Sendable () -> A, _ b: @escaping @Sendable () -> B) -> (A, B) {
    guard threads > 1 else { return (a(), b()) }
    let second = ResultSlots<B>(count: 1)
    let done = DispatchSemaphore(value: 0)
    DispatchQueue.global().async {
        second.set(0, b())
        done.signal()
    }
    let first = a()
    done.wait()
    return (first, second.values()[0])
}

/// Lets go of `value` on a pool thread: the analysis state (profiles, families, graph)
/// is in millions of pieces, freeing it takes a noticeable time, and nothing waits for it.
package func releaseInBackground<T: Sendable>(_ value: T) {
    DispatchQueue.global(qos: .utility).async { withExtendedLifetime(value) {} }
}
