/// An append-only sequence kept in fixed-size chunks, each allocated at its full size:
/// unlike an array, it never doubles (a doubling array briefly holds its old and new
/// storage, and up to twice its content for good), and its chunks are freed one by one
/// as they are copied into the final array. The link stage's evidence edges of a large
/// campaign are a million records, gathered on several threads. It lives in the module
/// that appends to it, where it is specialised for each element (from another module,
/// every append went through unspecialised generic code and metadata lookups).
package struct ChunkedArray<Element> {
    /// Elements per chunk (a 12-byte edge head: 768 KiB).
    package static var chunkCount: Int { 1 << 16 }

    private var chunks: [[Element]] = []
    package private(set) var count = 0

    package init() {}

    package mutating func append(_ e: Element) {
        if chunks.isEmpty || chunks[chunks.count - 1].count == Self.chunkCount {
            var chunk: [Element] = []
            chunk.reserveCapacity(Self.chunkCount)
            chunks.append(chunk)
        }
        chunks[chunks.count - 1].append(e)
        count += 1
    }

    /// The elements of `parts` in order, in one array allocated at its exact size; each
    /// chunk is freed once copied, so the peak is the content and one chunk, not twice
    /// the content. `parts` is left empty.
    package static func concatenate(_ parts: inout [ChunkedArray<Element>]) -> [Element] {
        var all: [Element] = []
        all.reserveCapacity(parts.reduce(0) { $0 + $1.count })
        for p in parts.indices {
            for c in parts[p].chunks.indices {
                all.append(contentsOf: parts[p].chunks[c])
                parts[p].chunks[c] = []
            }
            parts[p] = ChunkedArray()
        }
        parts = []
        return all
    }
}

extension ChunkedArray: Sendable where Element: Sendable {}
