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

    /// The full chunks, and the one being filled (apart, so that an append checks and
    /// grows one array, not an element of the array of chunks).
    private var chunks: [[Element]] = []
    private var current: [Element] = []

    package init() {}

    package var count: Int { chunks.reduce(current.count) { $0 + $1.count } }

    @inline(__always)
    package mutating func append(_ e: Element) {
        if current.count == current.capacity { startChunk() }
        current.append(e)
    }

    /// Puts the current chunk (if any) aside and starts one at its full size.
    @inline(never)
    private mutating func startChunk() {
        if !current.isEmpty { chunks.append(current) }
        current = []
        current.reserveCapacity(Self.chunkCount)
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
            all.append(contentsOf: parts[p].current)
            parts[p] = ChunkedArray()
        }
        parts = []
        return all
    }
}

extension ChunkedArray: Sendable where Element: Sendable {}
