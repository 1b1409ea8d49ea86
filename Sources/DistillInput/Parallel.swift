import Dispatch

/// `body(0..<count)` on up to `threads` threads, results in index order: for independent
/// pieces of work whose results are then combined in a fixed order.
public func parallelMap<T: Sendable>(_ count: Int, threads: Int, _ body: @Sendable (Int) -> T) -> [T] {
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

/// `a()` and `b()`, side by side when `threads` allows.
public func bothInParallel<A: Sendable, B: Sendable>(threads: Int, _ a: @Sendable () -> A, _ b: @Sendable () -> B) -> (A, B) {
    guard threads > 1 else { return (a(), b()) }
    let first = ResultSlots<A>(count: 1), second = ResultSlots<B>(count: 1)
    withoutActuallyEscaping(a) { a in
        withoutActuallyEscaping(b) { b in
            DispatchQueue.concurrentPerform(iterations: 2) { part in
                if part == 0 { first.set(0, a()) } else { second.set(0, b()) }
            }
        }
    }
    return (first.values()[0], second.values()[0])
}
