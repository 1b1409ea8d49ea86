import DistillDecode
import DistillSupport
import Synchronization

/// The profile pass of several scan workers, each account profiled in one place: the
/// accounts are split by their id's hash into partitions, each behind its own lock, and
/// every worker updates the partition of each request's account. Workers that each kept
/// their own `ProfileState` profiled nearly every account twice at two threads, and the
/// copies, alive together at the end of the scan, raised two threads' peak memory (by
/// ~35 MB of the ~315 MB of the x1 bench corpus).
///
/// The result is the state one worker would build from the same requests: the partitions
/// hold disjoint accounts, and a profile does not depend on the order of its requests
/// (`RecordSink`).
// SAFETY: @unchecked Sendable: `partitions` is allocated and initialized once in `init`, never moved or reassigned, and freed in `deinit`; each partition's state is reached only through its `Mutex`.
package final class SharedProfileState: @unchecked Sendable {
    /// Enough partitions that two workers rarely want the same one at once (64 made ~5,400
    /// futex calls on the x1 bench corpus at two threads, 256 ~1,700; the 2 M one-request
    /// accounts' peak grew by 11 MB).
    static let partitionBits = 8
    static let partitionCount = 1 << partitionBits
    /// One lock per partition, with the accounts behind it, in memory of their own: an
    /// array of partition objects was retained and released on every request from both
    /// workers, and the shared reference counts bounced between the cores.
    // SAFETY: allocated and all `partitionCount` slots initialized in `init`; deinitialized and freed once in `deinit` (the class is the only owner); never reassigned; read only through each slot's `Mutex`.
    private let partitions: UnsafeMutablePointer<Mutex<ProfileState>>

    package init(parameters: ProfileParameters, matcher: IntentMatcher) {
        partitions = .allocate(capacity: Self.partitionCount)
        for i in 0..<Self.partitionCount {
            // SAFETY: `i < partitionCount`, the allocated capacity; each slot is initialized once.
            (partitions + i).initialize(to: Mutex(ProfileState(parameters: parameters, matcher: matcher)))
        }
    }

    deinit {
        // SAFETY: every slot was initialized in `init`; no worker holds a lock once the last reference is gone.
        partitions.deinitialize(count: Self.partitionCount)
        partitions.deallocate()
    }

    /// Profiles `r`, whose `AccountProfile.clientHash` is `clientHash` (nil without a
    /// user agent or TLS fingerprint).
    package func consume(_ r: RequestRecord, clientHash: UInt64?) {
        // The high bits: the partition's own index uses the low ones.
        let h = AccountIndex.hash(utf8: r.accountUTF8)
        let p = Int(truncatingIfNeeded: h >> UInt64(64 - Self.partitionBits))
        // SAFETY: `p < partitionCount` (the hash's top `partitionBits` bits), an initialized slot.
        partitions[p].withLock { $0.consume(r, accountHash: h, clientHash: clientHash) }
    }

    /// Every account's profile in one state (call when no worker consumes any more). The
    /// partitions' open entries are closed on `threads` threads: each profile's are in
    /// cold memory, and one thread closing them all left the other idle at the end of
    /// the scan.
    package func joined(threads: Int = 1) -> ProfileState {
        let parts = parallelMap(Self.partitionCount, threads: threads) { p in
            // SAFETY: `p < partitionCount`, an initialized slot.
            self.partitions[p].withLock { s in
                // Closed here, where the partition is the profiles' only owner (see `ProfileState.closeOpenEntries`).
                s.closeOpenEntries()
                return s
            }
        }
        return ProfileState.joining(parts)
    }
}

/// A scan worker's handle on the shared profiles (`ParallelScan` makes one per worker).
package struct SharedProfileSink: RecordSink {
    package let shared: SharedProfileState
    /// The clients this worker hashed last (a cache: it changes no result). Per worker,
    /// not per partition: a client's requests spread over every partition.
    private var clientHashes = ClientHashMemo()

    package init(_ shared: SharedProfileState) { self.shared = shared }

    package mutating func consume(_ record: RequestRecord) {
        shared.consume(record, clientHash: clientHashes.hash(userAgent: record.userAgent, tls: record.tlsFingerprint))
    }

    /// Handles on the same profiles hold everything already.
    package mutating func merge(_ other: SharedProfileSink) {
        precondition(other.shared === shared, "only handles on the same shared profiles merge")
    }

    package static func merging(_ sinks: consuming [SharedProfileSink], threads: Int) -> SharedProfileSink {
        let all = consume sinks
        for s in all { precondition(s.shared === all[0].shared, "only handles on the same shared profiles merge") }
        return all[0]
    }
}
