import DistillDecode
import DistillSupport

extension AccountProfile {
    /// Everything of a profile that grows with its traffic: histograms, day and model
    /// tables and the sketches. An account with a single request has none of it
    /// (`FirstRequest` stands in); it is built when the second request arrives, by
    /// replaying the first through the same `add`, so the result is the same as if it
    /// had been there from the start.
    struct Grown: Sendable {
        /// Requests per UTC hour of day (held inline: one per request, no heap array).
        var hourCounts = InlineArray<24, Int>(repeating: 0)
        /// Requests per minute of the hour (inline; saturating): lockstep below the hour.
        var minuteCounts = InlineArray<60, UInt32>(repeating: 0)
        /// Activity per epoch day, without the open days below.
        var dayTable: [Int32: DayActivity] = [:]
        /// The day of the account's latest requests and their activity, not yet in
        /// `dayTable`: requests come in time order, so most update this instead of a hashed table.
        var openDay = Int32.min
        var openDayActivity = DayActivity()
        /// The day open before it, also not yet in `dayTable`: scan workers decode blocks
        /// of two days' files at once, so an account's requests alternate between two days,
        /// and each switch moved one into the hashed table.
        var previousDay = Int32.min
        var previousDayActivity = DayActivity()
        /// Requests per intent tag bit (inline; tags are a UInt8 bit set).
        var intentCounts = InlineArray<8, Int>(repeating: 0)
        /// Model use, without the open models below: a short list, since an account calls a
        /// handful of models and a scan of it is cheaper than hashing the name.
        var modelList: [ModelEntry] = []
        /// The model of the account's latest requests and their use, not yet in `modelList`.
        var openModel: String?
        var openModelUse = ModelUse(requests: 0, firstSeen: .max)
        /// The model used before it, also not yet in `modelList`: accounts often alternate
        /// two models (a small and a large one), and each switch moved one into the list
        /// and out again, a cold array scanned and written per request.
        var previousModel: String?
        var previousModelUse = ModelUse(requests: 0, firstSeen: .max)
        /// And the one before that: a fifth of the bench corpus's requests switched to a
        /// third model, each moving one through the list.
        var olderModel: String?
        var olderModelUse = ModelUse(requests: 0, firstSeen: .max)
        var ips: BottomK<String>
        var subnets: BottomK<String>
        var clients: BottomK<ClientSignature>
        var orgs: BottomK<String>
        var apiKeys: BottomK<String>
        var systemPrompts: BottomK<String>
        var promptHashes: BottomK<Bool>
        var promptSamples: BottomK<PromptSample>
        var partSamples: BottomK<PromptSample>

        init(_ s: SketchSizes) {
            ips = BottomK(k: Int(s.ip))
            subnets = BottomK(k: Int(s.subnet))
            clients = BottomK(k: Int(s.client))
            orgs = BottomK(k: 4)
            apiKeys = BottomK(k: 8)
            systemPrompts = BottomK(k: 4)
            promptHashes = BottomK(k: Int(s.promptHash))
            promptSamples = BottomK(k: Int(s.promptSamples))
            partSamples = BottomK(k: Int(s.partSamples))
        }

        /// The state after one request, replayed from what was kept of it.
        init(_ s: SketchSizes, replaying f: FirstRequest) {
            self.init(s)
            add(f)
        }

        /// Counts one request from its kept facts; the system prompt's kept text and the
        /// prompt sample are built only when a sketch keeps them. `clientHash`:
        /// `AccountProfile.clientHash` of the user agent and TLS fingerprint, nil without either.
        mutating func add(
            timestamp: Int64, model: String?, ip: String?, userAgent: String?, tls: String?, clientHash: UInt64?,
            org: String?, apiKey: String?, systemHash: UInt64?, system: () -> String,
            promptHash: UInt64?, tags: UInt8, shaped: Bool, sample: () -> PromptSample, parts: Parts = .all
        ) {
            if parts.contains(.activity) {
                let (day, hour, minute) = AccountProfile.clock(timestamp)
                countActivity(day: day, hour: hour, minute: minute)
            }
            if parts.contains(.models), let model { countModel(model, at: timestamp) }
            if parts.contains(.addresses), let ip {
                ips.add(StableHash.string(ip), ip)
                // The subnet string is built only when the sketch would keep it.
                let net = ProfileState.subnetHash(of: ip)
                if subnets.admits(net) { subnets.add(net, ProfileState.subnet(of: ip)) }
            }
            if parts.contains(.clients), let clientHash {
                clients.add(clientHash, ClientSignature(userAgent: userAgent ?? "", tls: tls ?? ""))
            }
            if parts.contains(.keys) {
                if let org { orgs.add(StableHash.string(org), org) }
                if let apiKey { apiKeys.add(StableHash.string(apiKey), apiKey) }
            }
            if parts.contains(.system), let systemHash { systemPrompts.add(systemHash, system()) }
            if parts.contains(.prompts), let h = promptHash {
                if tags != 0 { countIntents(tags) }
                promptHashes.add(h, true)
                let general = promptSamples.admits(h), part = shaped && partSamples.admits(h)
                if general || part {
                    let sample = sample()
                    if general { promptSamples.add(h, sample) }
                    if part { partSamples.add(h, sample) }
                }
            }
        }

        /// Replays a kept first request (only `parts` of it: a reader of one sketch needs no other).
        mutating func add(_ f: FirstRequest, parts: Parts = .all) {
            add(
                timestamp: f.timestamp, model: f.model, ip: f.ip, userAgent: f.userAgent, tls: f.tls,
                clientHash: AccountProfile.clientHash(userAgent: f.userAgent, tls: f.tls),
                org: f.org, apiKey: f.apiKey, systemHash: f.systemHash, system: { f.system },
                promptHash: f.promptHash, tags: f.tags, shaped: f.shaped, sample: { f.sample! }, parts: parts)
        }

        /// Independent parts of the grown state: each is updated from its own fields of a request.
        struct Parts: OptionSet, Sendable {
            let rawValue: UInt8
            /// Hour, minute and day counts.
            static let activity = Parts(rawValue: 1)
            static let models = Parts(rawValue: 2)
            /// IP addresses and subnets.
            static let addresses = Parts(rawValue: 4)
            static let clients = Parts(rawValue: 8)
            /// Organisations and API keys.
            static let keys = Parts(rawValue: 16)
            static let system = Parts(rawValue: 32)
            /// Prompt hashes, samples and intent counts.
            static let prompts = Parts(rawValue: 64)
            static let all = Parts(rawValue: 127)
        }

        mutating func merge(_ o: Grown) {
            for h in 0..<24 { hourCounts[h] += o.hourCounts[h] }
            closeDay()
            for (d, x) in o.activity { dayTable[d, default: DayActivity()].add(x) }
            for i in 0..<8 { intentCounts[i] += o.intentCounts[i] }
            for m in 0..<60 { minuteCounts[m] = minuteCounts[m].addingReportingOverflow(o.minuteCounts[m]).overflow ? .max : minuteCounts[m] + o.minuteCounts[m] }
            closeModel()
            for e in o.modelList { AccountProfile.addModel(&modelList, e.name, e.use) }
            if let m = o.openModel { AccountProfile.addModel(&modelList, m, o.openModelUse) }
            if let m = o.previousModel { AccountProfile.addModel(&modelList, m, o.previousModelUse) }
            if let m = o.olderModel { AccountProfile.addModel(&modelList, m, o.olderModelUse) }
            ips.merge(o.ips); subnets.merge(o.subnets); clients.merge(o.clients); orgs.merge(o.orgs)
            apiKeys.merge(o.apiKeys); systemPrompts.merge(o.systemPrompts)
            promptHashes.merge(o.promptHashes); promptSamples.merge(o.promptSamples)
            partSamples.merge(o.partSamples)
        }

        /// Activity per epoch day.
        var activity: [Int32: DayActivity] {
            Self.activity(dayTable, open: (openDay, openDayActivity), previous: (previousDay, previousDayActivity))
        }

        /// The day table with the open days added (`.min`: no day open).
        static func activity(
            _ table: [Int32: DayActivity], open: (day: Int32, activity: DayActivity), previous: (day: Int32, activity: DayActivity)
        ) -> [Int32: DayActivity] {
            guard open.day != .min || previous.day != .min else { return table }
            var t = table
            if open.day != .min { t[open.day, default: DayActivity()].add(open.activity) }
            if previous.day != .min { t[previous.day, default: DayActivity()].add(previous.activity) }
            return t
        }

        /// Use of each model.
        var models: [String: ModelUse] {
            Self.models(modelList, open: [(openModel, openModelUse), (previousModel, previousModelUse), (olderModel, olderModelUse)])
        }

        /// The model list with the open models added.
        static func models(_ list: [ModelEntry], open: [(model: String?, use: ModelUse)]) -> [String: ModelUse] {
            var list = list
            for (m, u) in open { if let m { AccountProfile.addModel(&list, m, u) } }
            return Dictionary(uniqueKeysWithValues: list.map { ($0.name, $0.use) })
        }

        var hasOpenEntries: Bool { openDay != .min || previousDay != .min || openModel != nil || previousModel != nil || olderModel != nil }
    }
}
