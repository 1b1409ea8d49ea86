import DistillDecode
import DistillSupport

/// Everything the analysis keeps about one account, bounded by sketch sizes, not by its
/// number of requests, and small for an account with one request (its sketches and
/// histograms are built from the second request on). Mergeable exactly (`merge`).
package struct AccountProfile: Sendable {
    /// A sampled distinct prompt with a consistent sample of its shingles (for prompt families).
    package struct PromptSample: Sendable {
        /// The prompt, cut to the sample size.
        package var text: String
        package var tags: UInt8
        /// The whole prompt's `ShingleSketch` when the prompt is longer than the kept text;
        /// a prompt that fits is sketched only when read, so only for the samples kept to
        /// the end (most are replaced).
        var longShingles: [UInt32]?

        package init(prompt: String, textBytes: Int, tags: UInt8) {
            // SAFETY: the prompt's UTF-8 is read only inside the closure.
            self = prompt.withUTF8Bytes { Self(promptUTF8: $0.assumingMemoryBound(to: UInt8.self), textBytes: textBytes, tags: tags) }
        }

        /// The sample of the prompt whose valid UTF-8 is `prompt`, without a string of the
        /// whole prompt: the profile pass makes a sample of each prompt a sketch admits (most
        /// of them replaced later) from the request's bytes.
        init(promptUTF8 prompt: UnsafeBufferPointer<UInt8>, textBytes: Int, tags: UInt8) {
            text = String(validUTF8: prompt, prefix: textBytes)
            self.tags = tags
            longShingles = text.utf8.count == prompt.count ? nil : ShingleSketch.of(bytes: prompt)
        }

        /// The whole prompt's `ShingleSketch`.
        package var shingles: [UInt32] { longShingles ?? ShingleSketch.of(text) }

        /// Whether `shingles` is the same as `other`'s, known without sketching either: both
        /// are sketched from their kept text (neither holds a longer prompt's own sketch),
        /// and the texts have the same bytes (not `==`, which equates canonically
        /// equivalent strings of different bytes, and so of different shingles).
        package func sketchesTheSameText(as other: PromptSample) -> Bool {
            guard longShingles == nil, other.longShingles == nil else { return false }
            // SAFETY: both strings' UTF-8 bytes are read only inside the closures.
            return text.withUTF8Bytes { a in other.text.withUTF8Bytes { b in a.hasSameBytes(as: b) } }
        }
    }

    /// Use of one model.
    package struct ModelUse: Sendable {
        package var requests: Int
        package var firstSeen: Int64
    }

    /// The profile's data; copies share it until one changes (see `Storage`).
    var storage: Storage

    package init(_ p: ProfileParameters) {
        storage = Storage(sizes: SketchSizes(p))
    }

    private var counts: Counts { storage.counts }
    /// The grown part as stored, or as a one-request profile's first request makes it
    /// (with `parts` filled in). Readers of one field read it through `storage.grown`
    /// first: a copy of the whole grown part retains its dozen arrays for one of them.
    func grown(_ parts: Grown.Parts) -> Grown { storage.materialized(parts) }

    package var requests: Int {
        get { counts.requests }
        set { unique().counts.requests = newValue }
    }
    package var failed: Int {
        get { counts.failed }
        set { unique().counts.failed = newValue }
    }
    package var firstSeen: Int64 {
        get { counts.firstSeen }
        set { unique().counts.firstSeen = newValue }
    }
    package var lastSeen: Int64 {
        get { counts.lastSeen }
        set { unique().counts.lastSeen = newValue }
    }
    /// Requests per UTC hour of day.
    package var hours: [Int] { let g = storage.grown?.state.hourCounts ?? grown(.activity).hourCounts; return (0..<24).map { g[$0] } }
    /// Requests per minute of the hour.
    package var minutes: [Int] { let g = storage.grown?.state.minuteCounts ?? grown(.activity).minuteCounts; return (0..<60).map { Int(g[$0]) } }
    /// One epoch day of an account: requests and the UTC hours active (bit set).
    package struct DayActivity: Sendable, Equatable {
        package var requests = 0
        package var hours: UInt32 = 0

        mutating func add(_ o: DayActivity) { requests += o.requests; hours |= o.hours }
    }

    /// Activity per epoch day.
    package var activity: [Int32: DayActivity] { storage.grown?.activity ?? grown(.activity).activity }
    /// Requests per epoch day.
    package var days: [Int32: Int] { activity.mapValues(\.requests) }
    /// UTC hours active per epoch day (bit set).
    package var dayHours: [Int32: UInt32] { activity.mapValues(\.hours) }
    package var singleTurn: Int {
        get { counts.singleTurn }
        set { unique().counts.singleTurn = newValue }
    }
    package var withTools: Int {
        get { counts.withTools }
        set { unique().counts.withTools = newValue }
    }
    package var withPrompt: Int {
        get { counts.withPrompt }
        set { unique().counts.withPrompt = newValue }
    }
    package var largeMaxTokens: Int {
        get { counts.largeMaxTokens }
        set { unique().counts.largeMaxTokens = newValue }
    }
    package var withMaxTokens: Int {
        get { counts.withMaxTokens }
        set { unique().counts.withMaxTokens = newValue }
    }
    /// Outputs that stopped at a limit of at least `largeMaxTokens`.
    package var hitLimit: Int {
        get { counts.hitLimit }
        set { unique().counts.hitLimit = newValue }
    }
    package var outputTokens: Int {
        get { counts.outputTokens }
        set { unique().counts.outputTokens = newValue }
    }
    package var withOutput: Int {
        get { counts.withOutput }
        set { unique().counts.withOutput = newValue }
    }
    /// Requests per intent tag (index of `IntentTag.allCases`).
    package var intents: [Int] { (0..<IntentTag.allCases.count).map { intentCount($0) } }
    /// Requests carrying any extraction intent.
    package var extractionIntent: Int {
        get { counts.extractionIntent }
        set { unique().counts.extractionIntent = newValue }
    }
    /// Single-turn requests with a long output (a large `max_tokens` when no output is
    /// logged): the account's extraction part, measured by shape, not
    /// by wording, so that ordinary chat mixed in (camouflage) does not hide it.
    package var extractionShaped: Int {
        get { counts.extractionShaped }
        set { unique().counts.extractionShaped = newValue }
    }
    /// Extraction-shaped requests that also match an extraction rule.
    package var extractionShapedTagged: Int {
        get { counts.extractionShapedTagged }
        set { unique().counts.extractionShapedTagged = newValue }
    }
    /// One model and its use.
    struct ModelEntry: Sendable {
        var name: String
        var use: ModelUse
    }
    /// Use of each model (at most `modelCap`).
    package var models: [String: ModelUse] { storage.grown?.models ?? grown(.models).models }
    package var ips: BottomK<String> {
        get { storage.grown?.state.ips ?? grown(.addresses).ips }
        set { unique().grow().state.ips = newValue }
    }
    package var subnets: BottomK<String> {
        get { storage.grown?.state.subnets ?? grown(.addresses).subnets }
        set { unique().grow().state.subnets = newValue }
    }
    /// User agent and TLS fingerprint, as one combination.
    package var clients: BottomK<ClientSignature> {
        get { storage.grown?.state.clients ?? grown(.clients).clients }
        set { unique().grow().state.clients = newValue }
    }
    package var orgs: BottomK<String> {
        get { storage.grown?.state.orgs ?? grown(.keys).orgs }
        set { unique().grow().state.orgs = newValue }
    }
    package var apiKeys: BottomK<String> {
        get { storage.grown?.state.apiKeys ?? grown(.keys).apiKeys }
        set { unique().grow().state.apiKeys = newValue }
    }
    package var systemPrompts: BottomK<String> {
        get { storage.grown?.state.systemPrompts ?? grown(.system).systemPrompts }
        set { unique().grow().state.systemPrompts = newValue }
    }
    /// Distinct prompts (hashes and exact counts) for repeat rates.
    package var promptHashes: BottomK<Bool> {
        get { storage.grown?.state.promptHashes ?? grown(.prompts).promptHashes }
        set { unique().grow().state.promptHashes = newValue }
    }
    /// A smaller sample of distinct prompts with text and shingles.
    package var promptSamples: BottomK<PromptSample> {
        get { storage.grown?.state.promptSamples ?? grown(.prompts).promptSamples }
        set { unique().grow().state.promptSamples = newValue }
    }
    /// A sample of the extraction part's distinct prompts alone: what an account's
    /// extraction shares with others is seen however much ordinary chat surrounds it.
    package var partSamples: BottomK<PromptSample> {
        get { storage.grown?.state.partSamples ?? grown(.prompts).partSamples }
        set { unique().grow().state.partSamples = newValue }
    }

    /// Requests with intent tag `i` (index of `IntentTag.allCases`).
    func intentCount(_ i: Int) -> Int {
        if storage.grown == nil {
            guard let f = storage.first, f.promptHash != nil else { return 0 }
            return Int(f.tags >> UInt8(i) & 1)
        }
        return (storage.grown?.state.intentCounts ?? grown(.prompts).intentCounts)[i]
    }

    package mutating func merge(_ o: AccountProfile) {
        let other = o.storage.materialized
        let s = unique()
        s.counts.merge(o.storage.counts)
        s.grow().state.merge(other)
    }

    /// Moves the open days and models into their tables: done when streaming ends, so that
    /// readers of `activity` get the table itself, not a fresh copy per read.
    package mutating func closeOpenEntries() {
        guard let g = storage.grown, g.state.hasOpenEntries else { return }
        unique().grown!.state.closeOpenEntries()
    }

    /// Models kept per account. Beyond it, the models with the smallest name hashes are
    /// kept (a bottom-k rule: a dropped model is never re-admitted), so the kept set and
    /// its counts do not depend on the order of the records.
    package static let modelCap = 64

    static func trimModels(_ models: inout [ModelEntry]) {
        models.sort { (StableHash.string($0.name), $0.name) < (StableHash.string($1.name), $1.name) }
        models.removeLast(models.count - Self.modelCap)
    }

    /// Adds a model's use to the list. Names that `==` equates (canonically equivalent
    /// spellings, whatever their bytes) are one model, named by the spelling of smallest
    /// UTF-8 bytes among those added: the first added depended on the order of the
    /// requests, and so on the thread count.
    static func addModel(_ list: inout [ModelEntry], _ m: String, _ u: ModelUse) {
        if let i = list.firstIndex(where: { $0.name == m }) {
            list[i].use.requests += u.requests
            list[i].use.firstSeen = min(list[i].use.firstSeen, u.firstSeen)
            if spelledBefore(m, list[i].name) { list[i].name = m }
        } else {
            list.append(ModelEntry(name: m, use: u))
            if list.count > modelCap { trimModels(&list) }
        }
    }

    /// Whether `a`'s UTF-8 bytes come before `b`'s (bytewise, a prefix first).
    static func spelledBefore(_ a: String, _ b: String) -> Bool {
        // SAFETY: both strings' bytes are read only inside the closures, and `memcmp` reads the shorter length of each.
        a.withUTF8Bytes { x in
            b.withUTF8Bytes { y in
                let n = min(x.count, y.count)
                let order = n == 0 ? 0 : memcmp(x.baseAddress!, y.baseAddress!, n)
                return order != 0 ? order < 0 : x.count < y.count
            }
        }
    }

    /// Whether two model names have the same bytes: the open models are told apart by
    /// their bytes (`addModel` joins equivalent spellings when they leave the open slots).
    @inline(__always)
    static func sameSpelling(_ a: String, _ b: String?) -> Bool {
        guard let b else { return false }
        // The same representation holds the same bytes (one interned name, or a small
        // name held inline): settled without reading them.
        // SAFETY: only where a String is two words (64-bit targets; `unsafeBitCast` also checks the size); only the bits are compared, nothing is read through them.
        if MemoryLayout<String>.size == 16, unsafeBitCast(a, to: (UInt64, UInt64).self) == unsafeBitCast(b, to: (UInt64, UInt64).self) { return true }
        // SAFETY: both strings' bytes are read only inside the closures.
        return a.withUTF8Bytes { x in b.withUTF8Bytes { y in x.hasSameBytes(as: y) } }
    }

    // Derived measures.
    package var singleTurnShare: Double { share(singleTurn, withPrompt) }
    package var hitLimitShare: Double { share(hitLimit, withOutput) }
    package var meanOutput: Double { withOutput == 0 ? 0 : Double(outputTokens) / Double(withOutput) }
    package var largeMaxTokensShare: Double { share(largeMaxTokens, withMaxTokens) }
    package var extractionShare: Double { share(extractionIntent, withPrompt) }
    /// Share of prompted requests in the extraction part (see `extractionShaped`).
    package var extractionShapedShare: Double { share(extractionShaped, withPrompt) }
    package var toolShare: Double { share(withTools, requests) }
    package func intentShare(_ t: IntentTag) -> Double { share(intentCount(IntentTag.allCases.firstIndex(of: t)!), withPrompt) }

    /// Share of requests repeating an earlier identical prompt (estimated from the sketch).
    package var repeatShare: Double {
        guard withPrompt > 0 else { return 0 }
        return max(0, 1 - min(Double(withPrompt), promptHashes.distinctEstimate) / Double(withPrompt))
    }

    /// Normalised entropy of the hour-of-day histogram (1 = perfectly flat, 24/7).
    package var hourEntropy: Double {
        // One request falls in one hour: a single bucket, entropy 0.
        if storage.grown == nil { return 0 }
        let hourCounts = storage.grown?.state.hourCounts ?? grown(.activity).hourCounts
        var sum = 0
        for i in 0..<24 { sum += hourCounts[i] }
        let total = Double(sum)
        guard total > 0 else { return 0 }
        var h = 0.0
        for i in 0..<24 where hourCounts[i] > 0 {
            let p = Double(hourCounts[i]) / total
            h -= p * log2(p)
        }
        return h / log2(24)
    }

    func share(_ a: Int, _ b: Int) -> Double { b == 0 ? 0 : Double(a) / Double(b) }
}

/// A user agent with its TLS fingerprint.
package struct ClientSignature: Sendable, Hashable {
    package var userAgent: String
    package var tls: String
    package var display: String { tls.isEmpty ? userAgent : userAgent + " · " + tls }
}

#if canImport(Glibc)
import Glibc
#endif
