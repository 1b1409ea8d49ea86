import DistillLink
import Testing

@Suite("Chunked arrays")
struct ChunkedArrayTests {
    /// Parts spanning several chunks (and empty ones) concatenate in order, and the parts
    /// are emptied (their chunks are freed as they are copied), on one thread or with the
    /// chunks copied on several.
    @Test(arguments: [1, 2, 3])
    func partsConcatenateInOrderAcrossChunkBoundaries(threads: Int) {
        let n = ChunkedArray<Int>.chunkCount
        let sizes = [0, 3, n, n + 1, 2 * n + 5, 0, 1]
        var parts: [ChunkedArray<Int>] = []
        var expected: [Int] = []
        var next = 0
        for size in sizes {
            var part = ChunkedArray<Int>()
            for _ in 0..<size {
                part.append(next)
                expected.append(next)
                next += 1
            }
            #expect(part.count == size)
            parts.append(part)
        }
        let all = ChunkedArray.concatenate(&parts, threads: threads)
        #expect(all == expected)
        #expect(parts.isEmpty)
    }
}

extension ChunkedArrayTests {
    /// Elements with reference-counted storage (arrays) come out equal and each owned
    /// once when the chunks are moved and copied on several threads: a chunk copied without
    /// its elements retained, or freed twice, would crash or lose values here.
    @Test func concatenatingOnSeveralThreadsKeepsReferenceCountedElements() {
        let n = ChunkedArray<[Int]>.chunkCount
        var parts = [ChunkedArray<[Int]>(), ChunkedArray<[Int]>()]
        var expectedParts: [[[Int]]] = [[], []]
        for i in 0..<(2 * n + 3) {
            let p = i % 3 == 0 ? 0 : 1
            parts[p].append([i, i + 1])
            expectedParts[p].append([i, i + 1])
        }
        let expected = expectedParts[0] + expectedParts[1]
        let all = ChunkedArray.concatenate(&parts, threads: 2)
        #expect(all == expected)
        #expect(parts.isEmpty)
    }
}
