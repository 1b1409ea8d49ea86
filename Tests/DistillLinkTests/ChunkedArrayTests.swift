import DistillLink
import Testing

@Suite("Chunked arrays")
struct ChunkedArrayTests {
    /// Parts spanning several chunks (and empty ones) concatenate in order, and the parts
    /// are emptied (their chunks are freed as they are copied).
    @Test func partsConcatenateInOrderAcrossChunkBoundaries() {
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
        let all = ChunkedArray.concatenate(&parts)
        #expect(all == expected)
        #expect(parts.isEmpty)
    }
}
