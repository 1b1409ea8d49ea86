import Dispatch
import Foundation

/// `body(0..<count)` on up to `threads` threads, results in index order: for independent
/// pieces of work whose results are then combined in a fixed order.
package func parallelMap<T: Sendable>(_ count: Int, threads: Int, _ body: @Sendable (Int) -> T) -> [T] {
    guard threads > 1, count > 1 else { return inOrder(count, body) }
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

/// `[body(0), …, body(count - 1)]` on this thread. Not `(0..<count).map(body)`: called
/// from another module, that map is not specialized, and it stepped through the range by
/// protocol witnesses that each looked up the range's type metadata (~400 instructions an
/// element: 50 M on x1's state at one thread).
private func inOrder<T>(_ count: Int, _ body: (Int) -> T) -> [T] {
    precondition(count >= 0, "a negative count of items")
    var out: [T] = []
    out.reserveCapacity(count)
    var i = 0
    while i < count {
        out.append(body(i))
        i += 1
    }
    return out
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

/// `[element(0), …, element(count - 1)]`, made in runs of `run` elements on up to
/// `threads` threads and written straight to their places: unlike `parallelMap` over runs
/// and a concatenation, no second copy of the elements is ever alive (with millions of
/// accounts the array itself is large).
package func parallelArray<T: Sendable>(_ count: Int, threads: Int, run: Int = 1024, _ element: @Sendable (Int) -> T) -> [T] {
    guard threads > 1, count > run else { return inOrder(count, element) }
    // SAFETY: run `r` initializes exactly the slots `r * run..<min(count, (r + 1) * run)`, the
    // runs tile `0..<count`, and `parallelMap` has joined every run before `initialized` is set.
    return [T](unsafeUninitializedCapacity: count) { buffer, initialized in
        let out = UncheckedSendable(buffer.baseAddress!)
        _ = parallelMap((count + run - 1) / run, threads: threads) { r in
            for i in (r * run)..<min(count, (r + 1) * run) { (out.value + i).initialize(to: element(i)) }
        }
        initialized = count
    }
}

/// A value handed to worker threads that use it in ways the compiler cannot check.
// SAFETY: @unchecked Sendable: each use states why its threads' accesses do not overlap.
package struct UncheckedSendable<Value>: @unchecked Sendable {
    package let value: Value
    package init(_ value: Value) { self.value = value }
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

/// Keeps `value` alive until the process exits, which reclaims its memory at once: for a
/// command that is about to exit, freeing millions of pieces one by one is work nobody
/// waits for, and freeing them beside the report's rendering slowed it (`releaseInBackground`).
package func leaveForExit<T: Sendable>(_ value: T) {
    // One retain never balanced: the box (and `value` with it) outlives every reference.
    _ = Unmanaged.passRetained(LeftForExit(value))
}

/// The box `leaveForExit` retains.
private final class LeftForExit<T: Sendable>: Sendable {
    let value: T
    init(_ value: T) { self.value = value }
}
