import DistillDecode
import DistillSupport

extension AccountProfile {
    /// The counters every request updates.
    struct Counts: Sendable {
        var requests = 0
        var failed = 0
        var firstSeen = Int64.max
        var lastSeen = Int64.min
        var singleTurn = 0
        var withTools = 0
        var withPrompt = 0
        var largeMaxTokens = 0
        var withMaxTokens = 0
        var hitLimit = 0
        var outputTokens = 0
        var withOutput = 0
        var extractionIntent = 0
        var extractionShaped = 0
        var extractionShapedTagged = 0

        mutating func merge(_ o: Counts) {
            requests += o.requests; failed += o.failed
            firstSeen = min(firstSeen, o.firstSeen); lastSeen = max(lastSeen, o.lastSeen)
            singleTurn += o.singleTurn; withTools += o.withTools; withPrompt += o.withPrompt
            largeMaxTokens += o.largeMaxTokens; withMaxTokens += o.withMaxTokens; hitLimit += o.hitLimit
            outputTokens += o.outputTokens; withOutput += o.withOutput
            extractionIntent += o.extractionIntent
            extractionShaped += o.extractionShaped; extractionShapedTagged += o.extractionShapedTagged
        }
    }

    /// The sketch sizes of `ProfileParameters`, kept per profile so that its sketches can
    /// be built when it grows (24 bytes, not the 72 of the parameters).
    struct SketchSizes: Sendable {
        var ip, subnet, client, promptHash, promptSamples, partSamples: Int32

        init(_ p: ProfileParameters) {
            func clamp(_ v: Int) -> Int32 { Int32(clamping: v) }
            ip = clamp(p.ipSketch); subnet = clamp(p.subnetSketch); client = clamp(p.clientSketch)
            promptHash = clamp(p.promptHashSketch); promptSamples = clamp(p.promptSamples); partSamples = clamp(p.partSamples)
        }
    }

    /// What an account's only request contributes to `Grown`: most accounts of a large
    /// dump make a request or two, and this is a few hundred bytes where the grown part
    /// is kilobytes.
    struct FirstRequest: Sendable {
        var timestamp: Int64
        var model: String?
        var ip: String?
        var userAgent: String?
        var tls: String?
        var org: String?
        var apiKey: String?
        /// Hash of the whole system prompt, and its kept prefix (`system`), when it has one.
        var systemHash: UInt64?
        var system = ""
        /// Hash of the prompt when there is one, its intent tags and whether the request is
        /// part of the extraction part; `sample` when a fresh sketch would keep one.
        var promptHash: UInt64?
        var tags: UInt8 = 0
        var shaped = false
        var sample: PromptSample?
    }

    /// A profile's data, shared by copies until one of them changes (copy on write): the
    /// link stage copies every profile into its views several times, and those copies
    /// are now a reference each.
    final class Storage: @unchecked Sendable {
        /// Everything that grows with traffic, from the second request on (or a merge).
        /// First, in the cache line of the object's reference count: every request reads both.
        var grown: GrownBox?
        var counts = Counts()
        let sizes: SketchSizes
        /// The only request of a one-request account (`grown` is nil then).
        var first: FirstRequest?

        init(sizes: SketchSizes) { self.sizes = sizes }

        init(copying o: Storage) {
            counts = o.counts
            sizes = o.sizes
            first = o.first
            grown = o.grown.map { GrownBox($0.state) }
        }

        /// The grown part, as stored or as replayed from the first request (nothing is stored).
        var materialized: Grown { materialized(.all) }

        /// The grown part with at least `parts` filled in (a one-request profile replays only those).
        func materialized(_ parts: Grown.Parts) -> Grown {
            if let g = grown { return g.state }
            var g = Grown(sizes)
            if let f = first { g.add(f, parts: parts) }
            return g
        }

        /// Turns a one-request (or empty) profile into a grown one.
        func grow() -> GrownBox {
            if let g = grown { return g }
            let g = GrownBox(materialized)
            grown = g
            first = nil
            return g
        }
    }

    /// The grown part behind its own reference, so that a small profile's storage has no
    /// room for it.
    final class GrownBox: @unchecked Sendable {
        var state: Grown
        init(_ state: Grown) { self.state = state }

        // Read field by field: `state.activity` and `state.models` copied the whole state
        // (a retain of each of its arrays) to call a computed property on it.
        /// `state.activity`.
        var activity: [Int32: DayActivity] {
            Grown.activity(state.dayTable, open: (state.openDay, state.openDayActivity), previous: (state.previousDay, state.previousDayActivity))
        }

        /// `state.models`.
        var models: [String: ModelUse] {
            Grown.models(state.modelList, open: [(state.openModel, state.openModelUse), (state.previousModel, state.previousModelUse), (state.olderModel, state.olderModelUse)])
        }
    }

    /// Storage this profile alone refers to, ready to change.
    mutating func unique() -> Storage {
        if !isKnownUniquelyReferenced(&storage) { storage = Storage(copying: storage) }
        return storage
    }

    /// Epoch day, hour of day and minute of hour (UTC) of a time in milliseconds.
    static func clock(_ timestamp: Int64) -> (day: Int32, hour: Int, minute: Int) {
        let secs = timestamp >= 0 ? timestamp / 1000 : (timestamp - 999) / 1000
        let day = Int32(secs >= 0 ? secs / 86400 : (secs - 86399) / 86400)
        let secondOfDay = secs - Int64(day) * 86400
        return (day, Int(secondOfDay / 3600), Int(secondOfDay % 3600 / 60))
    }

    /// The sketch key of a user agent with its TLS fingerprint.
    static func clientHash(_ userAgent: String, _ tls: String) -> UInt64 {
        StableHash.mix(StableHash.string(userAgent) ^ StableHash.string(tls, seed: 1))
    }

    /// `clientHash` of a request's fields (a missing one is empty), nil when both are missing.
    static func clientHash(userAgent: String?, tls: String?) -> UInt64? {
        userAgent == nil && tls == nil ? nil : clientHash(userAgent ?? "", tls ?? "")
    }
}
