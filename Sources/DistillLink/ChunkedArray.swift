import DistillSupport

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
    /// chunk is freed once copied, so the peak is the content and the chunks not yet
    /// copied, not twice the content. `parts` is left empty.
    ///
    /// With `threads > 1` the chunks are copied on that many threads, each to its place:
    /// the copy is bound by first touches of the new array's pages (a million evidence
    /// edges are ~24 MB of fresh pages, ~6,000 page faults, and on a virtual machine a fault
    /// costs from 2 to 17 µs), and the link stage waited for it on one thread.
    package static func concatenate(_ parts: inout [ChunkedArray<Element>], threads: Int = 1) -> [Element] where Element: Sendable {
        var chunks: [[Element]] = []
        for p in parts.indices {
            chunks += parts[p].chunks
            if !parts[p].current.isEmpty { chunks.append(parts[p].current) }
        }
        parts = []
        var starts = [0]
        starts.reserveCapacity(chunks.count + 1)
        for c in chunks { starts.append(starts[starts.count - 1] + c.count) }
        let total = starts[chunks.count]
        guard threads > 1, chunks.count > 1 else {
            var all: [Element] = []
            all.reserveCapacity(total)
            for c in chunks.indices {
                all.append(contentsOf: chunks[c])
                chunks[c] = []
            }
            return all
        }
        // The chunks move into a buffer that each copy takes its own chunk out of, so a
        // chunk is freed as soon as it is copied, on the thread that copied it.
        let pending = UnsafeMutableBufferPointer<[Element]>.allocate(capacity: chunks.count)
        _ = pending.initialize(from: chunks)
        chunks = []
        defer { pending.deallocate() }
        // SAFETY: copy `c` moves out `pending[c]` alone and initializes exactly the slots
        // `starts[c]..<starts[c + 1]` of the new array; those ranges tile `0..<total`, every
        // `c` runs once, and `parallelMap` has joined every copy before `initialized` is set
        // and before `pending` (whose slots are then all moved out) is deallocated.
        return [Element](unsafeUninitializedCapacity: total) { buffer, initialized in
            let out = UncheckedSendable(buffer.baseAddress!), from = UncheckedSendable(pending.baseAddress!), starts = starts
            _ = parallelMap(starts.count - 1, threads: threads) { c in
                let chunk = (from.value + c).move()
                chunk.withUnsafeBufferPointer { (out.value + starts[c]).initialize(from: $0.baseAddress!, count: $0.count) }
            }
            initialized = total
        }
    }
}

extension ChunkedArray: Sendable where Element: Sendable {}
