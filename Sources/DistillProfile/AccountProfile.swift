import DistillDecode
import DistillSupport

/// Everything the analysis keeps about one account, bounded by sketch sizes, not by its
/// number of requests. Mergeable exactly (`merge`).
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
            text = prompt.utf8Prefix(textBytes)
            self.tags = tags
            longShingles = text.utf8.count == prompt.utf8.count ? nil : ShingleSketch.of(prompt)
        }

        /// The whole prompt's `ShingleSketch`.
        package var shingles: [UInt32] { longShingles ?? ShingleSketch.of(text) }
    }

    /// Use of one model.
    package struct ModelUse: Sendable {
        package var requests: Int
        package var firstSeen: Int64
    }

    package var requests = 0
    package var failed = 0
    package var firstSeen = Int64.max
    package var lastSeen = Int64.min
    /// Requests per UTC hour of day (held inline: one per request, no heap array).
    var hourCounts = InlineArray<24, Int>(repeating: 0)
    /// Requests per UTC hour of day.
    package var hours: [Int] { (0..<24).map { hourCounts[$0] } }
    /// Requests per minute of the hour (inline; saturating): lockstep below the hour.
    var minuteCounts = InlineArray<60, UInt32>(repeating: 0)
    /// Requests per minute of the hour.
    package var minutes: [Int] { (0..<60).map { Int(minuteCounts[$0]) } }
    /// One epoch day of an account: requests and the UTC hours active (bit set).
    package struct DayActivity: Sendable, Equatable {
        package var requests = 0
        package var hours: UInt32 = 0

        mutating func add(_ o: DayActivity) { requests += o.requests; hours |= o.hours }
    }

    /// Activity per epoch day, without the open day below.
    var dayTable: [Int32: DayActivity] = [:]
    /// The day of the account's latest requests and their activity, not yet in `dayTable`:
    /// requests come in time order, so most update this instead of a hashed table.
    var openDay = Int32.min
    var openDayActivity = DayActivity()
    /// Activity per epoch day.
    package var activity: [Int32: DayActivity] {
        guard openDay != .min else { return dayTable }
        var t = dayTable
        t[openDay, default: DayActivity()].add(openDayActivity)
        return t
    }
    /// Requests per epoch day.
    package var days: [Int32: Int] { activity.mapValues(\.requests) }
    /// UTC hours active per epoch day (bit set).
    package var dayHours: [Int32: UInt32] { activity.mapValues(\.hours) }
    package var singleTurn = 0
    package var withTools = 0
    package var withPrompt = 0
    package var largeMaxTokens = 0
    package var withMaxTokens = 0
    /// Outputs that stopped at a limit of at least `largeMaxTokens`.
    package var hitLimit = 0
    package var outputTokens = 0
    package var withOutput = 0
    /// Requests per intent tag bit (inline; tags are a UInt8 bit set).
    var intentCounts = InlineArray<8, Int>(repeating: 0)
    /// Requests per intent tag (index of `IntentTag.allCases`).
    package var intents: [Int] { (0..<IntentTag.allCases.count).map { intentCounts[$0] } }
    /// Requests carrying any extraction intent.
    package var extractionIntent = 0
    /// Single-turn requests with a long output (a large `max_tokens` when no output is
    /// logged): the account's extraction part, measured by shape, not
    /// by wording, so that ordinary chat mixed in (camouflage) does not hide it.
    package var extractionShaped = 0
    /// Extraction-shaped requests that also match an extraction rule.
    package var extractionShapedTagged = 0
    /// One model and its use.
    struct ModelEntry: Sendable {
        var name: String
        var use: ModelUse
    }
    /// Model use, without the open model below: a short list, since an account calls a
    /// handful of models and a scan of it is cheaper than hashing the name.
    var modelList: [ModelEntry] = []
    /// The model of the account's latest requests and their use, not yet in `modelList`.
    var openModel: String?
    var openModelUse = ModelUse(requests: 0, firstSeen: .max)
    /// Use of each model (at most `modelCap`).
    package var models: [String: ModelUse] {
        var list = modelList
        if let m = openModel { Self.addModel(&list, m, openModelUse) }
        return Dictionary(uniqueKeysWithValues: list.map { ($0.name, $0.use) })
    }
    package var ips: BottomK<String>
    package var subnets: BottomK<String>
    /// User agent and TLS fingerprint, as one combination.
    package var clients: BottomK<ClientSignature>
    package var orgs: BottomK<String>
    package var apiKeys: BottomK<String>
    package var systemPrompts: BottomK<String>
    /// Distinct prompts (hashes and exact counts) for repeat rates.
    package var promptHashes: BottomK<Bool>
    /// A smaller sample of distinct prompts with text and shingles.
    package var promptSamples: BottomK<PromptSample>
    /// A sample of the extraction part's distinct prompts alone: what an account's
    /// extraction shares with others is seen however much ordinary chat surrounds it.
    package var partSamples: BottomK<PromptSample>

    package init(_ p: ProfileParameters) {
        ips = BottomK(k: p.ipSketch)
        subnets = BottomK(k: p.subnetSketch)
        clients = BottomK(k: p.clientSketch)
        orgs = BottomK(k: 4)
        apiKeys = BottomK(k: 8)
        systemPrompts = BottomK(k: 4)
        promptHashes = BottomK(k: p.promptHashSketch)
        promptSamples = BottomK(k: p.promptSamples)
        partSamples = BottomK(k: p.partSamples)
    }

    package mutating func merge(_ o: AccountProfile) {
        requests += o.requests; failed += o.failed
        firstSeen = min(firstSeen, o.firstSeen); lastSeen = max(lastSeen, o.lastSeen)
        for h in 0..<24 { hourCounts[h] += o.hourCounts[h] }
        closeDay()
        for (d, x) in o.activity { dayTable[d, default: DayActivity()].add(x) }
        singleTurn += o.singleTurn; withTools += o.withTools; withPrompt += o.withPrompt
        largeMaxTokens += o.largeMaxTokens; withMaxTokens += o.withMaxTokens; hitLimit += o.hitLimit
        outputTokens += o.outputTokens; withOutput += o.withOutput
        for i in 0..<8 { intentCounts[i] += o.intentCounts[i] }
        extractionIntent += o.extractionIntent
        extractionShaped += o.extractionShaped; extractionShapedTagged += o.extractionShapedTagged
        for m in 0..<60 { minuteCounts[m] = minuteCounts[m].addingReportingOverflow(o.minuteCounts[m]).overflow ? .max : minuteCounts[m] + o.minuteCounts[m] }
        closeModel()
        for e in o.modelList { Self.addModel(&modelList, e.name, e.use) }
        if let m = o.openModel { Self.addModel(&modelList, m, o.openModelUse) }
        ips.merge(o.ips); subnets.merge(o.subnets); clients.merge(o.clients); orgs.merge(o.orgs)
        apiKeys.merge(o.apiKeys); systemPrompts.merge(o.systemPrompts)
        promptHashes.merge(o.promptHashes); promptSamples.merge(o.promptSamples)
        partSamples.merge(o.partSamples)
    }

    /// Models kept per account. Beyond it, the models with the smallest name hashes are
    /// kept (a bottom-k rule: a dropped model is never re-admitted), so the kept set and
    /// its counts do not depend on the order of the records.
    package static let modelCap = 64

    static func trimModels(_ models: inout [ModelEntry]) {
        models.sort { (StableHash.string($0.name), $0.name) < (StableHash.string($1.name), $1.name) }
        models.removeLast(models.count - Self.modelCap)
    }

    static func addModel(_ list: inout [ModelEntry], _ m: String, _ u: ModelUse) {
        if let i = list.firstIndex(where: { $0.name == m }) {
            list[i].use.requests += u.requests
            list[i].use.firstSeen = min(list[i].use.firstSeen, u.firstSeen)
        } else {
            list.append(ModelEntry(name: m, use: u))
            if list.count > modelCap { trimModels(&list) }
        }
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
    package func intentShare(_ t: IntentTag) -> Double { share(intentCounts[IntentTag.allCases.firstIndex(of: t)!], withPrompt) }

    /// Share of requests repeating an earlier identical prompt (estimated from the sketch).
    package var repeatShare: Double {
        guard withPrompt > 0 else { return 0 }
        return max(0, 1 - min(Double(withPrompt), promptHashes.distinctEstimate) / Double(withPrompt))
    }

    /// Normalised entropy of the hour-of-day histogram (1 = perfectly flat, 24/7).
    package var hourEntropy: Double {
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
