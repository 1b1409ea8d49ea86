import DistillSupport

/// The kept evidence edges, in ascending (a, b) order, stored compactly: per edge its two
/// accounts and a bit set of the kinds it carries (12 bytes), and only the non-zero
/// weights (8 bytes each). An `Edge` with all ten kinds spelt out is 96 bytes, and a dump
/// makes millions of edges that mostly carry one or two kinds. Read as a sequence of
/// `Edge`s whose weights are bit for bit the ones folded.
///
/// The edges stay in the segments they were folded into, each allocated once at its full
/// size and holding whole edges (an edge's weights are in its own segment): the shards'
/// segments in shard order are the list. Copying them into one pair of arrays touched
/// ~23 MB of fresh memory on the x1 bench corpus (5,700 page faults, 7–41 ms of the link
/// stage), and both copies were alive at the peak.
package struct EdgeList: Sendable, Sequence {
    /// One edge's accounts and kinds (bit k: `EvidenceKind.allCases[k]`).
    package struct Head: Sendable {
        package var a: UInt32
        package var b: UInt32
        package var kinds: UInt16
    }

    /// A run of consecutive edges and the weights of their kinds, ascending kind, edge
    /// after edge (edge `i`'s are the `heads[i].kinds.nonzeroBitCount` weights after those
    /// of the edges before it in the segment).
    struct Segment: Sendable {
        var heads: [Head] = []
        var weights: [Double] = []
    }

    private var segments: [Segment] = []
    package private(set) var count = 0

    package init() {}

    /// `edges` in order (ascending (a, b), as `EvidenceGraph` keeps them); the segments'
    /// sizes as `Builder`'s (tests make small ones).
    package init<S: Sequence<Edge>>(
        _ edges: S, headsPerSegment: Int = Builder.defaultHeadsPerSegment, weightsPerSegment: Int = Builder.defaultWeightsPerSegment
    ) {
        var builder = Builder(headsPerSegment: headsPerSegment, weightsPerSegment: weightsPerSegment)
        for e in edges { builder.append(e.a, e.b, e.evidence) }
        self.init(parts: [builder])
    }

    /// The shards' edges in shard order (no copy: their segments become the list's).
    init(parts: consuming [Builder]) {
        for part in parts {
            for segment in part.allSegments where !segment.heads.isEmpty {
                count += segment.heads.count
                segments.append(segment)
            }
        }
    }

    package var isEmpty: Bool { count == 0 }
    package var underestimatedCount: Int { count }

    package func makeIterator() -> Iterator { Iterator(segments: segments) }

    /// Each edge's accounts alone, no weight read: for readers of the graph's shape (the
    /// union-find of the components, their sizes).
    package func forEachPair(_ body: (_ a: Int, _ b: Int) -> Void) {
        forEachPair(segments: 0..<segments.count, body)
    }

    /// `forEachPair` over the edges of the segments `range` (a run `segmentParts` gave).
    package func forEachPair(segments range: Range<Int>, _ body: (_ a: Int, _ b: Int) -> Void) {
        for segment in segments[range] { for h in segment.heads { body(Int(h.a), Int(h.b)) } }
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
        for segment in segments {
            let all = segment.weights.span
            var next = 0
            for h in segment.heads {
                let n = h.kinds.nonzeroBitCount
                if include(Int(h.a), Int(h.b)) { body(Int(h.a), Int(h.b), h.kinds, all.extracting(next..<(next + n))) }
                next += n
            }
        }
    }

    /// The number of segments (`withSegment`).
    package var segmentCount: Int { segments.count }

    /// Segment `s`'s edges as two spans: the heads in edge order, and the weights of each
    /// head's kinds in kind order, edge after edge (edge `i`'s are the
    /// `heads[i].kinds.nonzeroBitCount` weights after those of the edges before it). The
    /// segments in order are the list. For readers in other modules that tally every
    /// edge (scoring, the case material): `forEachStored`'s closures, called per edge
    /// and per weight across a module boundary, cost more than the tallies.
    package func withSegment<R>(_ s: Int, _ body: (_ heads: Span<Head>, _ weights: Span<Double>) -> R) -> R {
        let segment = segments[s]
        return body(segment.heads.span, segment.weights.span)
    }

    /// The first segment of each of `parts` contiguous runs of segments holding about
    /// equal numbers of edges, then `segmentCount` (`parts + 1` indexes, ascending; a run
    /// may be empty): readers of every edge split them over threads, each run read by one.
    package func segmentParts(_ parts: Int) -> [Int] {
        precondition(parts > 0, "at least one part")
        var starts = [0]
        starts.reserveCapacity(parts + 1)
        var edges = 0
        for (s, segment) in segments.enumerated() {
            // A run ends once it holds its share: `count / parts * p` and the remainder's share, no product that could overflow.
            while starts.count < parts && edges >= count / parts * starts.count + count % parts * starts.count / parts {
                starts.append(s)
            }
            edges += segment.heads.count
        }
        while starts.count <= parts { starts.append(segments.count) }
        return starts
    }

    /// Expands each edge's weights back into a `PairEvidence`.
    package struct Iterator: IteratorProtocol {
        let segments: [Segment]
        var segment = 0
        var edge = 0
        var weight = 0

        package mutating func next() -> Edge? {
            while segment < segments.count && edge == segments[segment].heads.count {
                segment += 1
                edge = 0
                weight = 0
            }
            guard segment < segments.count else { return nil }
            let h = segments[segment].heads[edge], weights = segments[segment].weights
            edge += 1
            let n = h.kinds.nonzeroBitCount
            var evidence = PairEvidence()
            EdgeWeights.forEach(h.kinds, weights.span.extracting(weight..<(weight + n))) { k, w in evidence[index: k] = w }
            weight += n
            return Edge(a: Int(h.a), b: Int(h.b), evidence: evidence)
        }
    }

    /// Edges appended one shard at a time, into segments each allocated once at its full
    /// size (no doubling copies, no array briefly held twice).
    package struct Builder: Sendable {
        /// Edges a segment holds at most by default (768 KiB of heads).
        package static let defaultHeadsPerSegment = 1 << 16
        /// Weights a segment holds at most by default (1 MiB): edges mostly carry one or two kinds.
        package static let defaultWeightsPerSegment = 1 << 17

        let headsPerSegment: Int
        let weightsPerSegment: Int
        fileprivate var segments: [Segment] = []
        /// The segment being filled (apart, so that an append checks and grows its own
        /// arrays, not an element of `segments`).
        private var current = Segment()

        /// `weightsPerSegment` holds at least one edge's weights (one per kind).
        init(headsPerSegment: Int = defaultHeadsPerSegment, weightsPerSegment: Int = defaultWeightsPerSegment) {
            precondition(headsPerSegment > 0 && weightsPerSegment >= PairEvidence.kindCount, "a segment holds at least one edge")
            self.headsPerSegment = headsPerSegment
            self.weightsPerSegment = weightsPerSegment
        }

        /// Account indexes are array positions below 2^32, as in `PairAccumulator`'s keys.
        mutating func append(_ a: Int, _ b: Int, _ evidence: PairEvidence) {
            // Field by field, in kind order (`PairEvidence[index:]`): a loop over the kinds
            // went through that subscript's switch for each, millions of edges a run.
            // By bit pattern: a stored -0.0 comes back as -0.0.
            var kinds: UInt16 = 0
            @inline(__always) func has(_ w: Double, _ k: UInt16) { if w.bitPattern != 0 { kinds |= 1 << k } }
            has(evidence.payment, 0); has(evidence.ip, 1); has(evidence.subnet, 2); has(evidence.client, 3)
            has(evidence.emailDomain, 4); has(evidence.signup, 5); has(evidence.family, 6); has(evidence.sync, 7)
            has(evidence.lockstep, 8); has(evidence.handoff, 9)
            // An edge's weights stay in its segment: a new one starts when either array is full.
            if current.heads.count == headsPerSegment || current.weights.count + kinds.nonzeroBitCount > weightsPerSegment
                || current.heads.capacity == 0
            {
                startSegment()
            }
            @inline(__always) func put(_ w: Double) { if w.bitPattern != 0 { current.weights.append(w) } }
            put(evidence.payment); put(evidence.ip); put(evidence.subnet); put(evidence.client)
            put(evidence.emailDomain); put(evidence.signup); put(evidence.family); put(evidence.sync)
            put(evidence.lockstep); put(evidence.handoff)
            current.heads.append(Head(a: UInt32(truncatingIfNeeded: a), b: UInt32(truncatingIfNeeded: b), kinds: kinds))
        }

        /// Puts the current segment (if any) aside and starts one at its full size.
        @inline(never)
        private mutating func startSegment() {
            if !current.heads.isEmpty { segments.append(current) }
            current = Segment()
            current.heads.reserveCapacity(headsPerSegment)
            current.weights.reserveCapacity(weightsPerSegment)
        }

        /// The segments, the current one last (the list takes them as they are).
        fileprivate var allSegments: [Segment] { current.heads.isEmpty ? segments : segments + [current] }
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
    /// gives them, or from `start` in a segment's weights, as `EdgeList.withSegment`
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
