import Foundation

/// Slots written by worker threads, read once they have all finished.
// SAFETY: @unchecked Sendable: `slots` is read and written only under `lock`.
package final class ResultSlots<T>: @unchecked Sendable {
    private var slots: [T?]
    private let lock = NSLock()
    package init(count: Int) { slots = Array(repeating: nil, count: count) }
    package func set(_ i: Int, _ v: T) { lock.lock(); slots[i] = v; lock.unlock() }
    package func values() -> [T] { lock.lock(); defer { lock.unlock() }; return slots.map { $0! } }
    /// The values, moved out: the slots no longer hold them, so whoever takes them decides
    /// when (and on which thread) they are freed.
    package func takeValues() -> [T] {
        lock.lock(); defer { lock.unlock() }
        let taken = slots.map { $0! }
        slots = []
        return taken
    }
}
