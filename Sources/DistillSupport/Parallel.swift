import Dispatch

/// `body(0..<count)` on up to `threads` threads, results in index order: for independent
/// pieces of work whose results are then combined in a fixed order.
package func parallelMap<T: Sendable>(_ count: Int, threads: Int, _ body: @Sendable (Int) -> T) -> [T] {
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
