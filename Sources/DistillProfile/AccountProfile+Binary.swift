import DistillDecode
import DistillInput

/// The state file's form of a profile: every count, the activity tables in key order and
/// each sketch's kept entries in hash order, so that equal profiles write equal bytes.
extension AccountProfile {
    package func encode(into w: inout BinaryWriter) {
        // A one-request profile is written in its grown form: both read the same, and the
        // state file then has one form (decoding keeps it grown).
        let g = storage.materialized
        let c = storage.counts
        w.int(c.requests); w.int(c.failed); w.i64(c.firstSeen); w.i64(c.lastSeen)
        for h in 0..<24 { w.int(g.hourCounts[h]) }
        for m in 0..<60 { w.varint(UInt64(g.minuteCounts[m])) }
        let days = g.activity.sorted { $0.key < $1.key }
        w.count(days.count)
        for (d, a) in days { w.i64(Int64(d)); w.int(a.requests); w.u32(a.hours) }
        for v in [c.singleTurn, c.withTools, c.withPrompt, c.largeMaxTokens, c.withMaxTokens, c.hitLimit, c.outputTokens, c.withOutput] { w.int(v) }
        for i in 0..<8 { w.int(g.intentCounts[i]) }
        w.int(c.extractionIntent); w.int(c.extractionShaped); w.int(c.extractionShapedTagged)
        let list = g.models.sorted { $0.key < $1.key }
        w.count(list.count)
        for (name, use) in list { w.string(name); w.int(use.requests); w.i64(use.firstSeen) }
        Self.encode(g.ips, &w) { $0.string($1) }
        Self.encode(g.subnets, &w) { $0.string($1) }
        Self.encode(g.clients, &w) {
            $0.string($1.userAgent); $0.string($1.tls)
        }
        for s in [g.orgs, g.apiKeys, g.systemPrompts] { Self.encode(s, &w) { $0.string($1) } }
        Self.encode(g.promptHashes, &w) { $0.bool($1) }
        Self.encode(g.promptSamples, &w, Self.encodeSample)
        Self.encode(g.partSamples, &w, Self.encodeSample)
    }

    /// A profile as `encode` wrote it; its sketches are those `parameters` size.
    package static func decode(_ r: inout BinaryReader, _ parameters: ProfileParameters) throws(BinaryReader.Malformed) -> AccountProfile {
        var p = AccountProfile(parameters)
        let sizes = p.storage.sizes
        var c = Counts()
        var g = Grown(sizes)
        c.requests = try r.nonNegative("requests"); c.failed = try r.nonNegative("failed requests")
        c.firstSeen = try r.i64(); c.lastSeen = try r.i64()
        for h in 0..<24 { g.hourCounts[h] = try r.nonNegative("an hour count") }
        for m in 0..<60 {
            guard let v = UInt32(exactly: try r.varint()) else { throw .init("a minute count out of range") }
            g.minuteCounts[m] = v
        }
        let dayCount = try r.count(itemBytes: 6)
        var previous = Int64.min
        for _ in 0..<dayCount {
            let d = try r.i64()
            guard d > previous, let day = Int32(exactly: d) else { throw .init("days out of order or out of range") }
            previous = d
            g.dayTable[day] = DayActivity(requests: try r.nonNegative("a day's requests"), hours: try r.u32())
        }
        c.singleTurn = try r.nonNegative("single-turn requests"); c.withTools = try r.nonNegative("requests with tools")
        c.withPrompt = try r.nonNegative("requests with a prompt"); c.largeMaxTokens = try r.nonNegative("large max_tokens")
        c.withMaxTokens = try r.nonNegative("requests with max_tokens"); c.hitLimit = try r.nonNegative("outputs at the limit")
        c.outputTokens = try r.nonNegative("output tokens"); c.withOutput = try r.nonNegative("requests with output")
        for i in 0..<8 { g.intentCounts[i] = try r.nonNegative("an intent count") }
        c.extractionIntent = try r.nonNegative("extraction requests")
        c.extractionShaped = try r.nonNegative("extraction-shaped requests")
        c.extractionShapedTagged = try r.nonNegative("tagged extraction-shaped requests")
        let modelCount = try r.count(itemBytes: 3)
        guard modelCount <= modelCap else { throw .init("\(modelCount) models in one profile (at most \(modelCap))") }
        for _ in 0..<modelCount {
            g.modelList.append(ModelEntry(name: try r.string(), use: ModelUse(requests: try r.nonNegative("a model's requests"), firstSeen: try r.i64())))
        }
        g.ips = try decode(&r, g.ips) { r throws(BinaryReader.Malformed) in try r.string() }
        g.subnets = try decode(&r, g.subnets) { r throws(BinaryReader.Malformed) in try r.string() }
        g.clients = try decode(&r, g.clients) { r throws(BinaryReader.Malformed) in ClientSignature(userAgent: try r.string(), tls: try r.string()) }
        g.orgs = try decode(&r, g.orgs) { r throws(BinaryReader.Malformed) in try r.string() }
        g.apiKeys = try decode(&r, g.apiKeys) { r throws(BinaryReader.Malformed) in try r.string() }
        g.systemPrompts = try decode(&r, g.systemPrompts) { r throws(BinaryReader.Malformed) in try r.string() }
        g.promptHashes = try decode(&r, g.promptHashes) { r throws(BinaryReader.Malformed) in try r.bool() }
        g.promptSamples = try decode(&r, g.promptSamples, decodeSample)
        g.partSamples = try decode(&r, g.partSamples, decodeSample)
        let storage = p.unique()
        storage.counts = c
        storage.grown = GrownBox(g)
        return p
    }

    static func encodeSample(_ w: inout BinaryWriter, _ s: PromptSample) {
        w.string(s.text)
        w.u8(s.tags)
        w.bool(s.longShingles != nil)
        if let l = s.longShingles {
            w.count(l.count)
            for v in l { w.u32(v) }
        }
    }

    static func decodeSample(_ r: inout BinaryReader) throws(BinaryReader.Malformed) -> PromptSample {
        var s = PromptSample(prompt: try r.string(), textBytes: .max, tags: try r.u8())
        if try r.bool() {
            let n = try r.count(itemBytes: 4)
            var l = [UInt32]()
            l.reserveCapacity(n)
            for _ in 0..<n { l.append(try r.u32()) }
            s.longShingles = l
        }
        return s
    }

    /// Kept entries in hash order: hash, count, payload.
    static func encode<P>(_ sketch: BottomK<P>, _ w: inout BinaryWriter, _ payload: (inout BinaryWriter, P) -> Void) {
        let items = sketch.items
        w.count(items.count)
        for item in items {
            w.u64(item.hash)
            w.int(item.count)
            payload(&w, item.payload)
        }
    }

    /// The entries `encode` wrote, added to an empty sketch of the same size.
    static func decode<P>(
        _ r: inout BinaryReader, _ empty: BottomK<P>,
        _ payload: (inout BinaryReader) throws(BinaryReader.Malformed) -> P
    ) throws(BinaryReader.Malformed) -> BottomK<P> {
        var sketch = empty
        let n = try r.count(itemBytes: 10)
        guard n <= sketch.k else { throw .init("a sketch of \(n) entries where at most \(sketch.k) are kept (made with other parameters?)") }
        var previous: UInt64?
        for _ in 0..<n {
            let hash = try r.u64()
            guard previous.map({ $0 < hash }) ?? true else { throw .init("sketch entries out of order") }
            previous = hash
            let count = try r.nonNegative("a sketch count")
            let value = try payload(&r)
            sketch.add(hash, count: count, value)
        }
        return sketch
    }
}
