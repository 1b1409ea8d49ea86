import Foundation
import Testing

@testable import DistillSupport

@Suite("parallel helpers")
struct ParallelTests {
    @Test func parallelMapKeepsIndexOrderOnAnyThreadCount() {
        for threads in [1, 2, 5] {
            #expect(parallelMap(37, threads: threads) { $0 * $0 } == (0..<37).map { $0 * $0 })
        }
    }

    /// Regression: the second closure once ran inside `withoutActuallyEscaping`, and the
    /// pool could still hold it when the call returned (a crash, now and then, in debug builds).
    @Test func bothInParallelReturnsBothResultsAndMayNestParallelWork() {
        for round in 0..<200 {
            let (a, b) = bothInParallel(
                threads: 2,
                { parallelMap(8, threads: 2) { $0 + round }.reduce(0, +) },
                { (0..<100).reduce(round, +) })
            #expect(a == 28 + 8 * round && b == 4950 + round)
        }
    }

    /// What a command leaves for its exit stays alive after every reference of its own is
    /// gone (nothing frees it piece by piece while the report renders).
    @Test func whatIsLeftForExitOutlivesItsReferences() {
        final class Marker: Sendable {}
        weak var weakly: Marker?
        do {
            let marker = Marker()
            weakly = marker
            leaveForExit([marker])
        }
        #expect(weakly != nil)
        // Handed to the background release instead, it would be freed.
        weak var released: Marker?
        do {
            let marker = Marker()
            released = marker
            releaseInBackground([marker])
        }
        var waited = 0
        while released != nil && waited < 500 {
            usleep(10_000)
            waited += 1
        }
        #expect(released == nil)
    }
}
