import DistillDecode
import DistillInput
import DistillSupport

/// The profile pass: a profile per account, built from the record stream. A `RecordSink`:
/// profiling shards separately and merging equals profiling the whole.
// SAFETY: @unchecked Sendable: every stored property is a Sendable value (arrays, `AccountIndex`, `ProfileParameters`, and `IntentMatcher`, itself `@unchecked` for its regexes), so a copy shares nothing mutable.
package struct ProfileState: RecordSink, @unchecked Sendable {
    package let parameters: ProfileParameters
    package let matcher: IntentMatcher
    /// Profiles in first-seen order, updated in place; `index` maps account → position.
    var profiles: [AccountProfile] = []
    var ids: [String] = []
    var index = AccountIndex()

    /// Every account with its profile, in ascending id order (what the link stage reads).
    package var accountsByID: [(id: String, profile: AccountProfile)] {
        ids.indices.sorted { ids[$0] < ids[$1] }.map { i in
            var p = profiles[i]
            p.closeOpenEntries()
            return (ids[i], p)
        }
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
        let h = AccountIndex.hash(r.account)
        let slot: Int
        if let i = index.position(hash: h, isID: { ids[$0] == r.account }) { slot = i } else {
            slot = profiles.count
            index.insert(hash: h, position: slot)
            ids.append(r.account)
            profiles.append(AccountProfile(parameters))
        }
        Self.update(&profiles[slot], r, parameters, matcher)
    }

    private static func update(_ a: inout AccountProfile, _ r: RequestRecord, _ p: ProfileParameters, _ matcher: IntentMatcher) {
        a.requests += 1
        if r.failed { a.failed += 1 }
        a.firstSeen = min(a.firstSeen, r.timestamp)
        a.lastSeen = max(a.lastSeen, r.timestamp)
        let secs = r.timestamp >= 0 ? r.timestamp / 1000 : (r.timestamp - 999) / 1000
        let day = Int32(secs >= 0 ? secs / 86400 : (secs - 86399) / 86400)
        let secondOfDay = secs - Int64(day) * 86400
        a.countActivity(day: day, hour: Int(secondOfDay / 3600), minute: Int(secondOfDay % 3600 / 60))
        if !r.toolNames.isEmpty { a.withTools += 1 }
        if let m = r.maxTokens {
            a.withMaxTokens += 1
            if m >= p.largeMaxTokens { a.largeMaxTokens += 1 }
        }
        if let o = r.outputTokens, !r.failed {
            a.withOutput += 1
            a.outputTokens += o
            // Only a large limit run into counts: a client capping answers at a few hundred
            // or a thousand tokens hits its limit all the time and wants bounded outputs.
            if r.hitTokenLimit && max(o, r.maxTokens ?? 0) >= p.largeMaxTokens { a.hitLimit += 1 }
        }
        if let model = r.model { a.countModel(model, at: r.timestamp) }
        if let ip = r.ip {
            a.ips.add(StableHash.string(ip), ip)
            // The subnet string is built only when the sketch would keep it.
            let net = Self.subnetHash(of: ip)
            if a.subnets.admits(net) { a.subnets.add(net, Self.subnet(of: ip)) }
        }
        if r.userAgent != nil || r.tlsFingerprint != nil {
            let userAgent = r.userAgent ?? "", tls = r.tlsFingerprint ?? ""
            let h = StableHash.mix(StableHash.string(userAgent) ^ StableHash.string(tls, seed: 1))
            a.clients.add(h, ClientSignature(userAgent: userAgent, tls: tls))
        }
        if let o = r.org { a.orgs.add(StableHash.string(o), o) }
        if let k = r.apiKey { a.apiKeys.add(StableHash.string(k), k) }
        // The texts are bound first so that the payload closures capture a string, not a copy of the record.
        let system = r.systemPrompt, prompt = r.prompt
        if !system.isEmpty {
            let h = StableHash.string(system)
            a.systemPrompts.add(h, system.utf8Prefix(p.sampleTextBytes))
        }
        if !prompt.isEmpty {
            a.withPrompt += 1
            if r.userTurns <= 1 { a.singleTurn += 1 }
            let h = StableHash.string(prompt)
            let tags = matcher.tags(prompt: prompt, hasTools: !r.toolNames.isEmpty, maxTokens: r.maxTokens, userTurns: r.userTurns)
            let extraction = tags & Self.extractionMask != 0
            if tags != 0 {
                a.countIntents(tags)
                if extraction { a.extractionIntent += 1 }
            }
            let shaped = r.userTurns <= 1 && Self.asksForLongOutput(r, p)
            if shaped {
                a.extractionShaped += 1
                if extraction { a.extractionShapedTagged += 1 }
            }
            a.promptHashes.add(h, true)
            let general = a.promptSamples.admits(h), part = shaped && a.partSamples.admits(h)
            if general || part {
                let sample = AccountProfile.PromptSample(prompt: prompt, textBytes: p.sampleTextBytes, tags: tags)
                if general { a.promptSamples.add(h, sample) }
                if part { a.partSamples.add(h, sample) }
            }
        }
    }

    package mutating func merge(_ o: ProfileState) {
        merge(o, threads: 1)
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
        var shared: [(into: Int, from: Int)] = []
        for (j, id) in o.ids.enumerated() {
            let h = AccountIndex.hash(id)
            if let i = index.position(hash: h, isID: { ids[$0] == id }) { shared.append((i, j)) } else {
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
        var ip = ip
        // SAFETY: `b` is the UTF-8 of the local copy, valid inside `withUTF8`; parsing and hashing read only its `count` bytes.
        return ip.withUTF8 { b in
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
