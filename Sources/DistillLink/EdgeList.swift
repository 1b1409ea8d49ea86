import DistillSupport

/// The kept evidence edges, in ascending (a, b) order, stored compactly: per edge its two
/// accounts and a bit set of the kinds it carries (12 bytes), and only the non-zero
/// weights (8 bytes each). An `Edge` with all ten kinds spelt out is 96 bytes, and a dump
/// makes millions of edges that mostly carry one or two kinds. Read as a sequence of
/// `Edge`s whose weights are bit for bit the ones folded.
package struct EdgeList: Sendable, Sequence {
    /// One edge's accounts and kinds (bit k: `EvidenceKind.allCases[k]`).
    package struct Head: Sendable {
        package var a: UInt32
        package var b: UInt32
        package var kinds: UInt16
    }

    private var heads: [Head] = []
    /// The weights of the kinds in `heads[i].kinds`, ascending kind, edge after edge.
    private var weights: [Double] = []

    package init() {}

    /// `edges` in order (ascending (a, b), as `EvidenceGraph` keeps them).
    package init<S: Sequence<Edge>>(_ edges: S) {
        var builder = Builder()
        for e in edges { builder.append(e.a, e.b, e.evidence) }
        var parts = [builder]
        self = Builder.concatenate(&parts)
    }

    package var count: Int { heads.count }
    package var isEmpty: Bool { heads.isEmpty }
    package var underestimatedCount: Int { heads.count }

    package func makeIterator() -> Iterator { Iterator(heads: heads, weights: weights) }

    /// Each edge's accounts alone, no weight read: for readers of the graph's shape (the
    /// union-find of the components, their sizes).
    package func forEachPair(_ body: (_ a: Int, _ b: Int) -> Void) {
        for h in heads { body(Int(h.a), Int(h.b)) }
    }

    /// Each edge `include` accepts as stored, with no `PairEvidence` made: its accounts,
    /// its kinds (bit k: `EvidenceKind.allCases[k]`) and their weights in kind order as a
    /// span, no slice made or retained per edge (readers tally a million edges). A weight of
    /// 0 is not stored: adding the stored weights in order from 0 gives the same sum as
    /// `PairEvidence.total`.
    @inline(__always)
    package func forEachStored(
        where include: (_ a: Int, _ b: Int) -> Bool, _ body: (_ a: Int, _ b: Int, _ kinds: UInt16, _ weights: Span<Double>) -> Void
    ) {
        forEachStored(from: Position(edge: 0, weight: 0), to: heads.count, where: include, body)
    }

    /// The stored edges as two spans: the heads in edge order, and the weights of each
    /// head's kinds in kind order, edge after edge (edge `i`'s are the
    /// `heads[i].kinds.nonzeroBitCount` weights after those of the edges before it; a
    /// `Position` names both indexes). For readers in other modules that tally every
    /// edge (scoring, the case material): `forEachStored`'s closures, called per edge
    /// and per weight across a module boundary, cost more than the tallies.
    package func withStored<R>(_ body: (_ heads: Span<Head>, _ weights: Span<Double>) -> R) -> R {
        body(heads.span, weights.span)
    }

    /// Where an edge is in the list: its index, and the index of its first stored weight.
    package struct Position: Sendable, Equatable {
        package var edge: Int
        package var weight: Int
    }

    /// The starts of `parts` contiguous parts of about equal size, then the end (`parts + 1`
    /// positions, in one pass over the edges): readers of every edge split them over
    /// threads, each part read by one (`forEachStored(from:to:where:_:)`).
    package func partStarts(_ parts: Int) -> [Position] {
        precondition(parts > 0, "at least one part")
        var starts: [Position] = []
        starts.reserveCapacity(parts + 1)
        var next = 0, weight = 0
        for p in 0..<parts {
            // `heads.count / parts * p` and the remainder's share, not `heads.count * p`: no product that could overflow.
            let edge = heads.count / parts * p + heads.count % parts * p / parts
            while next < edge {
                weight += heads[next].kinds.nonzeroBitCount
                next += 1
            }
            starts.append(Position(edge: edge, weight: weight))
        }
        starts.append(Position(edge: heads.count, weight: weights.count))
        return starts
    }

    /// `forEachStored` over the edges from `start` (a position `partStarts` gave) to the
    /// edge before `end`, in edge order.
    @inline(__always)
    package func forEachStored(
        from start: Position, to end: Int, where include: (_ a: Int, _ b: Int) -> Bool,
        _ body: (_ a: Int, _ b: Int, _ kinds: UInt16, _ weights: Span<Double>) -> Void
    ) {
        let all = weights.span
        var next = start.weight
        for h in heads[start.edge..<end] {
            let n = h.kinds.nonzeroBitCount
            if include(Int(h.a), Int(h.b)) { body(Int(h.a), Int(h.b), h.kinds, all.extracting(next..<(next + n))) }
            next += n
        }
    }

    /// Expands each edge's weights back into a `PairEvidence`.
    package struct Iterator: IteratorProtocol {
        let heads: [Head]
        let weights: [Double]
        var edge = 0
        var weight = 0

        package mutating func next() -> Edge? {
            guard edge < heads.count else { return nil }
            let h = heads[edge]
            edge += 1
            let n = h.kinds.nonzeroBitCount
            var evidence = PairEvidence()
            EdgeWeights.forEach(h.kinds, weights.span.extracting(weight..<(weight + n))) { k, w in evidence[index: k] = w }
            weight += n
            return Edge(a: Int(h.a), b: Int(h.b), evidence: evidence)
        }
    }

    /// Edges appended one shard at a time, in fixed-size chunks (no doubling copies).
    struct Builder: Sendable {
        private var heads = ChunkedArray<Head>()
        private var weights = ChunkedArray<Double>()

        /// Account indexes are array positions below 2^32, as in `PairAccumulator`'s keys.
        mutating func append(_ a: Int, _ b: Int, _ evidence: PairEvidence) {
            var kinds: UInt16 = 0
            // Field by field, in kind order (`PairEvidence[index:]`): a loop over the kinds
            // went through that subscript's switch for each, millions of edges a run.
            @inline(__always) func put(_ w: Double, _ k: UInt16) {
                // By bit pattern: a stored -0.0 comes back as -0.0.
                if w.bitPattern != 0 {
                    kinds |= 1 << k
                    weights.append(w)
                }
            }
            put(evidence.payment, 0); put(evidence.ip, 1); put(evidence.subnet, 2); put(evidence.client, 3)
            put(evidence.emailDomain, 4); put(evidence.signup, 5); put(evidence.family, 6); put(evidence.sync, 7)
            put(evidence.lockstep, 8); put(evidence.handoff, 9)
            heads.append(Head(a: UInt32(truncatingIfNeeded: a), b: UInt32(truncatingIfNeeded: b), kinds: kinds))
        }

        /// The shards' edges in shard order (copied on `threads` threads); `parts` is left empty.
        static func concatenate(_ parts: inout [Builder], threads: Int = 1) -> EdgeList {
            var headParts = parts.map(\.heads), weightParts = parts.map(\.weights)
            parts = []
            var list = EdgeList()
            list.heads = ChunkedArray.concatenate(&headParts, threads: threads)
            list.weights = ChunkedArray.concatenate(&weightParts, threads: threads)
            return list
        }
    }
}

extension PairEvidence {
    /// The number of kinds (`EvidenceKind.allCases.count`).
    static let kindCount = 10

    /// The weight of `EvidenceKind.allCases[k]`.
    subscript(index k: Int) -> Double {
        get {
            switch k {
            case 0: return payment
            case 1: return ip
            case 2: return subnet
            case 3: return client
            case 4: return emailDomain
            case 5: return signup
            case 6: return family
            case 7: return sync
            case 8: return lockstep
            default: return handoff
            }
        }
        set {
            switch k {
            case 0: payment = newValue
            case 1: ip = newValue
            case 2: subnet = newValue
            case 3: client = newValue
            case 4: emailDomain = newValue
            case 5: signup = newValue
            case 6: family = newValue
            case 7: sync = newValue
            case 8: lockstep = newValue
            default: handoff = newValue
            }
        }
    }
}

/// An edge's stored weights walked with their kinds' indexes. A public type of its own,
/// with `package` members, so that the scoring and case stages inline the walk they run
/// per edge: this toolchain serialises an `@inlinable` member for other modules only when
/// its type is public, and `EdgeList` public would make its `Sequence` members public too.
public enum EdgeWeights {
    /// Calls `body` with each of an edge's stored weights (as `EdgeList.forEachStored`
    /// gives them, or from `start` in all the list's weights, as `EdgeList.withStored`
    /// does) and its kind's index, in kind order.
    @inlinable @inline(__always)
    package static func forEach(_ kinds: UInt16, _ weights: Span<Double>, from start: Int = 0, _ body: (_ kind: Int, _ weight: Double) -> Void) {
        var rest = kinds, position = start
        while rest != 0 {
            body(rest.trailingZeroBitCount, weights[position])
            rest &= rest - 1
            position += 1
        }
    }
}
