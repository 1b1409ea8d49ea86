import DistillSupport

/// Direct readers of a profile's addresses, clients, models and system prompts.
extension AccountProfile {
    /// The kept IP addresses, subnets and clients (`ips`, `subnets` and `clients`' items),
    /// each with the key its sketch keeps it under, without building a one-request
    /// profile's sketches to read them: with millions of one-request accounts, the link
    /// stage's rarity counts (and the dump-wide model and system-prompt counts of scoring,
    /// below) built millions of grown states.
    package var ipEntries: [(key: UInt64, value: String)] {
        if let g = storage.grown { return g.state.ips.itemsUnordered.map { ($0.hash, $0.payload) } }
        return storage.first?.ip.map { [(StableHash.string($0), $0)] } ?? []
    }
    package var subnetEntries: [(key: UInt64, value: String)] {
        if let g = storage.grown { return g.state.subnets.itemsUnordered.map { ($0.hash, $0.payload) } }
        return storage.first?.ip.map { [(ProfileState.subnetHash(of: $0), ProfileState.subnet(of: $0))] } ?? []
    }
    package var clientEntries: [(key: UInt64, value: ClientSignature)] {
        if let g = storage.grown { return g.state.clients.itemsUnordered.map { ($0.hash, $0.payload) } }
        guard let f = storage.first, f.userAgent != nil || f.tls != nil else { return [] }
        let userAgent = f.userAgent ?? "", tls = f.tls ?? ""
        return [(AccountProfile.clientHash(userAgent, tls), ClientSignature(userAgent: userAgent, tls: tls))]
    }

    /// The keys of `ipEntries`, `subnetEntries` and `clientEntries`, one by one: counting
    /// them over millions of accounts needs no strings (a one-request profile's subnet
    /// text is not built) and no arrays.
    package func forEachIPKey(_ body: (UInt64) -> Void) {
        if let g = storage.grown { g.state.ips.forEachItem { h, _, _ in body(h) } } else if let ip = storage.first?.ip { body(StableHash.string(ip)) }
    }
    package func forEachSubnetKey(_ body: (UInt64) -> Void) {
        if let g = storage.grown { g.state.subnets.forEachItem { h, _, _ in body(h) } } else if let ip = storage.first?.ip { body(ProfileState.subnetHash(of: ip)) }
    }
    package func forEachClientKey(_ body: (UInt64) -> Void) {
        if let g = storage.grown {
            g.state.clients.forEachItem { h, _, _ in body(h) }
        } else if let f = storage.first, f.userAgent != nil || f.tls != nil {
            body(AccountProfile.clientHash(f.userAgent ?? "", f.tls ?? ""))
        }
    }

    /// The sampled prompts (`promptSamples`' items, then `partSamples`' items not among
    /// them), each with whether it is in the general sample and in the extraction part's,
    /// read the same way: gathering the prompt samples of millions of one-request accounts
    /// built a grown state for each.
    package func forEachSampledPrompt(_ body: (_ hash: UInt64, _ count: Int, _ sample: PromptSample, _ general: Bool, _ part: Bool) -> Void) {
        if let g = storage.grown {
            let general = g.state.promptSamples, part = g.state.partSamples
            general.forEachItem { h, c, s in body(h, c, s, true, part.holds(h)) }
            part.forEachItem { h, c, s in if !general.holds(h) { body(h, c, s, false, true) } }
            return
        }
        // What `Grown.add` keeps of the only request: a fresh sketch keeps any key unless it keeps none (k = 0).
        guard let f = storage.first, let h = f.promptHash, let s = f.sample else { return }
        let inGeneral = storage.sizes.promptSamples > 0, inPart = f.shaped && storage.sizes.partSamples > 0
        if inGeneral { body(h, 1, s, true, inPart) } else if inPart { body(h, 1, s, false, true) }
    }

    /// The hashes `forEachSampledPrompt` passes, in its order, without reading the samples.
    package func forEachSampledPromptHash(_ body: (_ hash: UInt64) -> Void) {
        if let g = storage.grown {
            let general = g.state.promptSamples, part = g.state.partSamples
            general.forEachHash(body)
            part.forEachHash { h in if !general.holds(h) { body(h) } }
            return
        }
        guard let f = storage.first, let h = f.promptHash, f.sample != nil else { return }
        if storage.sizes.promptSamples > 0 || (f.shaped && storage.sizes.partSamples > 0) { body(h) }
    }

    /// `models`, one by one, and the kept system prompts' hashes, read the same way.
    package func forEachModel(_ body: (String, ModelUse) -> Void) {
        if let g = storage.grown {
            for (m, u) in g.models { body(m, u) }
        } else if let f = storage.first, let m = f.model {
            body(m, ModelUse(requests: 1, firstSeen: f.timestamp))
        }
    }
    /// The kept system prompts (`systemPrompts`' items: hash, requests, kept text).
    package func forEachSystemPrompt(_ body: (_ hash: UInt64, _ count: Int, _ text: String) -> Void) {
        if let g = storage.grown { g.state.systemPrompts.forEachItem(body) } else if let f = storage.first, let h = f.systemHash { body(h, 1, f.system) }
    }
    package var systemPromptHashes: [UInt64] {
        if let g = storage.grown { return g.state.systemPrompts.hashesUnordered }
        return storage.first?.systemHash.map { [$0] } ?? []
    }
}
