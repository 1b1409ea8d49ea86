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
}
