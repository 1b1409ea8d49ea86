import DistillDecode
import DistillInput
import DistillSupport

/// The profile pass: a profile per account, built from the record stream. A `RecordSink`:
/// profiling shards separately and merging equals profiling the whole.
// SAFETY: @unchecked Sendable: every stored property is a Sendable value (arrays, `AccountIndex`, `ProfileParameters`, and `IntentMatcher`, whose tables are immutable and `@unchecked` only for their regexes), so a copy shares nothing mutable.
package struct ProfileState: RecordSink, @unchecked Sendable {
    package let parameters: ProfileParameters
    package let matcher: IntentMatcher
    /// Profiles in first-seen order, updated in place; `index` maps account → position.
    var profiles: [AccountProfile] = []
    var ids = AccountIDs()
    var index = AccountIndex()
    /// Each profile's `grownAddress` once it has grown (0 before), a cache hint only: it
    /// is never read through, and a stale one costs only a wasted hint. Filled by
    /// `consume`, emptied where profiles change in bulk (a merge, closing the open
    /// entries: either may give a profile a new grown part); 8 bytes per account.
    private(set) var grownAt: [UInt] = []
    /// The system prompts hashed last (a cache: it changes no result).
    private var systemHashes = TextHashMemo()
    /// The clients hashed last, when this state is fed directly (a cache: it changes no
    /// result); a shared state's workers keep their own (`SharedProfileSink`).
    private var clientHashes = ClientHashMemo()

    /// Every account with its profile, in ascending id order (what the link stage reads).
    package var accountsByID: [(id: String, profile: AccountProfile)] {
        var order = ids.indices.sorted { ids[$0] < ids[$1] }
        // Ids that `<` leaves unordered (canonically equivalent spellings of different
        // bytes, two accounts) came out in first-seen order, which depends on the thread
        // count: such runs are put in byte order. (ASCII ids have none, and the pass read
        // the ids in sorted order, a cache miss each on millions of accounts.)
        var i = ids.allASCII ? order.count : 0
        while i < order.count {
            var j = i + 1
            while j < order.count && ids[order[j]] == ids[order[i]] { j += 1 }
            if j - i > 1 { order[i..<j].sort { AccountProfile.spelledBefore(ids[$0], ids[$1]) } }
            i = j
        }
        return order.map { i in
            var p = profiles[i]
            p.closeOpenEntries()
            return (ids[i], p)
        }
    }

    /// Closes every profile's open days and models in place (see
    /// `AccountProfile.closeOpenEntries`). Called where the state is the profiles' only
    /// owner, at the end of the scan: `accountsByID` then has nothing to close, and the
    /// link stage's profiles share their storage with the state instead of each being
    /// copied (~16 MiB on the x1 bench corpus, alive through the link stage).
    package mutating func closeOpenEntries() {
        for i in profiles.indices { profiles[i].closeOpenEntries() }
        grownAt = []
    }

    /// Every account's profile.
    package var accounts: [String: AccountProfile] {
        Dictionary(uniqueKeysWithValues: accountsByID.map { ($0.id, $0.profile) })
    }

    package init(parameters: ProfileParameters, matcher: IntentMatcher) {
        self.parameters = parameters
        self.matcher = matcher
    }

    package mutating func consume(_ r: RequestRecord) {
        let clientHash = clientHashes.hash(userAgent: r.userAgent, tls: r.tlsFingerprint)
        consume(r, accountHash: AccountIndex.hash(utf8: r.accountUTF8), clientHash: clientHash)
    }

    /// `consume` with the account id's `AccountIndex.hash` already taken (a shared
    /// state picks the partition by it) and the request's `AccountProfile.clientHash`
    /// (nil without a user agent or TLS fingerprint).
    mutating func consume(_ r: RequestRecord, accountHash h: UInt64, clientHash: UInt64?) {
        let slot: Int
        if let i = index.position(hash: h, isID: { ids.same($0, r.accountUTF8) }) {
            slot = i
        } else {
            slot = profiles.count
            index.insert(hash: h, position: slot)
            ids.append(r.account)  // once per account
            profiles.append(AccountProfile(parameters))
        }
        // The profile is cold: its lines are asked for first, and the request's own work
        // (hashing its texts, matching its prompt) is done while they arrive.
        prefetch(slot)
        let systemHash = r.systemUTF8.isEmpty ? nil : systemHashes.hash(r.systemUTF8)
        Self.update(&profiles[slot], r, systemHash: systemHash, clientHash: clientHash, parameters, matcher)
        if slot >= grownAt.count { grownAt.append(contentsOf: repeatElement(0, count: slot + 1 - grownAt.count)) }
        if grownAt[slot] == 0 { grownAt[slot] = profiles[slot].grownAddress }
    }

    /// Asks for the lines of the profile at `slot`. The storage's address is read from
    /// the array's bytes: reading the profile itself retains its storage, and that retain
    /// waited on the very line this is to ask for.
    private func prefetch(_ slot: Int) {
        if AccountProfile.isOneReference {
            // SAFETY: in bounds: `slot` < count (the index stores only positions) and a profile is 8 bytes (`isOneReference` checks the size; that it is the storage reference is pinned by `SharedProfileStateTests`), so the load reads element `slot`, aligned; the bits are used only as a prefetch address, so a wrong one would cost a wasted hint.
            let storage = profiles.withUnsafeBytes { $0.load(fromByteOffset: slot &* MemoryLayout<AccountProfile>.stride, as: UInt.self) }
            AccountProfile.prefetchStorage(at: storage)
        }
        if slot < grownAt.count { AccountProfile.prefetchGrown(at: grownAt[slot]) }
    }

    /// `systemHash`: `StableHash.bytes` of the system prompt, nil without one; `clientHash`
    /// as `consume`'s.
    private static func update(_ a: inout AccountProfile, _ r: RequestRecord, systemHash: UInt64?, clientHash: UInt64?, _ p: ProfileParameters, _ matcher: IntentMatcher) {
        // The texts are bound first so that the payload closures capture them, not a copy
        // of the record; they become `String`s only when a sketch keeps them.
        let system = r.systemUTF8, prompt = r.promptUTF8
        // SAFETY (both): the arrays' bytes are read only inside the closures.
        let promptHash = prompt.isEmpty ? nil : prompt.withUnsafeBytes { StableHash.bytes($0) }
        let tags = prompt.isEmpty ? 0 : prompt.withUnsafeBytes { matcher.tags(promptUTF8: $0, hasTools: !r.toolNames.isEmpty, maxTokens: r.maxTokens, userTurns: r.userTurns) }
        let shaped = !prompt.isEmpty && r.userTurns <= 1 && Self.asksForLongOutput(r, p)
        let s = a.unique()
        let isFirst = s.counts.requests == 0 && s.grown == nil
        s.counts.requests += 1
        if r.failed { s.counts.failed += 1 }
        s.counts.firstSeen = min(s.counts.firstSeen, r.timestamp)
        s.counts.lastSeen = max(s.counts.lastSeen, r.timestamp)
        if !r.toolNames.isEmpty { s.counts.withTools += 1 }
        if let m = r.maxTokens {
            s.counts.withMaxTokens += 1
            if m >= p.largeMaxTokens { s.counts.largeMaxTokens += 1 }
        }
        if let o = r.outputTokens, !r.failed {
            s.counts.withOutput += 1
            s.counts.outputTokens += o
            // Only a large limit run into counts: a client capping answers at a few hundred
            // or a thousand tokens hits its limit all the time and wants bounded outputs.
            if r.hitTokenLimit && max(o, r.maxTokens ?? 0) >= p.largeMaxTokens { s.counts.hitLimit += 1 }
        }
        if !prompt.isEmpty {
            s.counts.withPrompt += 1
            if r.userTurns <= 1 { s.counts.singleTurn += 1 }
            let extraction = tags & Self.extractionMask != 0
            if extraction { s.counts.extractionIntent += 1 }
            if shaped {
                s.counts.extractionShaped += 1
                if extraction { s.counts.extractionShapedTagged += 1 }
            }
        }
        func sample() -> AccountProfile.PromptSample {
            // SAFETY: the prompt's bytes are read only inside the closure.
            prompt.withUnsafeBufferPointer { AccountProfile.PromptSample(promptUTF8: $0, textBytes: p.sampleTextBytes, tags: tags) }
        }
        // SAFETY: the system prompt's bytes are read only inside the closure.
        func systemText() -> String { system.withUnsafeBufferPointer { String(validUTF8: $0, prefix: p.sampleTextBytes) } }
        if isFirst {
            // A first request is kept as it is: what its sketches would hold, without them.
            var f = AccountProfile.FirstRequest(
                timestamp: r.timestamp, model: r.model, ip: r.ip, userAgent: r.userAgent,
                tls: r.tlsFingerprint, org: r.org, apiKey: r.apiKey)
            if let h = systemHash { f.systemHash = h; f.system = systemText() }
            if let h = promptHash {
                f.promptHash = h; f.tags = tags; f.shaped = shaped
                // Kept when fresh sketches would keep it (the same test as `Grown.add`).
                if BottomK<Bool>(k: p.promptSamples).admits(h) || (shaped && BottomK<Bool>(k: p.partSamples).admits(h)) { f.sample = sample() }
            }
            s.first = f
            return
        }
        s.grow().state.add(
            timestamp: r.timestamp, model: r.model, ip: r.ip, userAgent: r.userAgent, tls: r.tlsFingerprint, clientHash: clientHash,
            org: r.org, apiKey: r.apiKey, systemHash: systemHash, system: systemText,
            promptHash: promptHash, tags: tags, shaped: shaped, sample: sample)
    }

    package mutating func merge(_ o: ProfileState) {
        merge(o, threads: 1)
    }

    /// States holding disjoint accounts, as one (`SharedProfileState`'s partitions).
    static func joining(_ parts: [ProfileState]) -> ProfileState {
        var state = parts[0]
        for part in parts.dropFirst() {
            for (j, id) in part.ids.enumerated() {
                state.index.insert(hash: AccountIndex.hash(id), position: state.profiles.count)
                state.ids.append(id)
                state.profiles.append(part.profiles[j])
            }
        }
        return state
    }

    /// Workers' states merge account by account, and accounts are independent: the
    /// profiles present in both are merged on all threads.
    package static func merging(_ states: consuming [ProfileState], threads: Int) -> ProfileState {
        var all = consume states
        var state = all.removeFirst()
        for other in all { state.merge(other, threads: threads) }
        // The workers' states are in millions of pieces; nothing waits for them to be freed.
        releaseInBackground(all)
        return state
    }

    private mutating func merge(_ o: ProfileState, threads: Int) {
        grownAt = []
        var shared: [(into: Int, from: Int)] = []
        for (j, id) in o.ids.enumerated() {
            let h = AccountIndex.hash(id)
            if let i = index.position(hash: h, isID: { ids[$0] == id }) {
                shared.append((i, j))
            } else {
                index.insert(hash: h, position: profiles.count)
                ids.append(id)
                profiles.append(o.profiles[j])
            }
        }
        let pairs = shared
        // SAFETY: each pair's `into` is a distinct profile (ids are unique on both sides), so the threads write disjoint elements; `parallelMap` joins them before this closure returns.
        profiles.withUnsafeMutableBufferPointer { buffer in
            let target = ProfileBuffer(profiles: buffer)
            _ = parallelMap(max(1, threads), threads: threads) { part in
                // Each pair names a different profile, so the parts never touch the same one.
                for k in stride(from: part, to: pairs.count, by: max(1, threads)) {
                    target.profiles[pairs[k].into].merge(o.profiles[pairs[k].from])
                }
            }
        }
    }

    /// The profile array, handed to the threads of a merge (each writes its own elements).
    // SAFETY: @unchecked Sendable: each worker writes only its own pairs' elements (distinct `into`); used only inside `merge`'s `withUnsafeMutableBufferPointer`, which outlives the `parallelMap`.
    private struct ProfileBuffer: @unchecked Sendable {
        let profiles: UnsafeMutableBufferPointer<AccountProfile>
    }

    /// A request whose output is long: at least `longRequestOutputTokens`. Only when no
    /// output is logged does a large `max_tokens` stand in for it (a client may set a
    /// large limit on every request by default).
    static func asksForLongOutput(_ r: RequestRecord, _ p: ProfileParameters) -> Bool {
        if !r.failed, let o = r.outputTokens { return o >= p.longRequestOutputTokens }
        if let m = r.maxTokens { return m >= p.largeMaxTokens }
        return false
    }

    static let extractionMask: UInt8 = IntentTag.allCases.enumerated().reduce(0) { $1.element.isExtraction ? $0 | (1 << UInt8($1.offset)) : $0 }

    /// Hash of `subnet(of:)` without building the string: the subnet's network address;
    /// a value that is not an address stands for itself.
    static func subnetHash(of ip: String) -> UInt64 {
        // SAFETY: `b` is the address's UTF-8, valid inside the closure; parsing and hashing read only its `count` bytes.
        return ip.withUTF8Buffer { b in
            guard let a = IPAddress.parse(b) else { return StableHash.bytes(UnsafeRawBufferPointer(b), seed: 5) }
            let net = a.subnet
            return StableHash.mix(StableHash.mix(net.high ^ 0x5B_D1E9) ^ net.low)
        }
    }

    /// `/24` of an IPv4 address, `/48` of an IPv6 one; a value that is not an address as it is.
    package static func subnet(of ip: String) -> String {
        IPAddress(ip)?.subnetText ?? ip
    }
}
