/// Direct readers of a profile's addresses, clients, models and system prompts.
extension AccountProfile {
    /// The kept IP addresses, subnets and clients (`ips`, `subnets` and `clients`'
    /// payloads), without building a one-request profile's sketches to read them: with
    /// millions of one-request accounts, the link stage's rarity counts (and the dump-wide
    /// model and system-prompt counts of scoring, below) built millions of grown states.
    package var ipValues: [String] {
        if let g = storage.grown { return g.state.ips.payloadsUnordered }
        return storage.first?.ip.map { [$0] } ?? []
    }
    package var subnetValues: [String] {
        if let g = storage.grown { return g.state.subnets.payloadsUnordered }
        return storage.first?.ip.map { [ProfileState.subnet(of: $0)] } ?? []
    }
    package var clientValues: [ClientSignature] {
        if let g = storage.grown { return g.state.clients.payloadsUnordered }
        guard let f = storage.first, f.userAgent != nil || f.tls != nil else { return [] }
        return [ClientSignature(userAgent: f.userAgent ?? "", tls: f.tls ?? "")]
    }

    /// `models`, one by one, and the kept system prompts' hashes, read the same way.
    package func forEachModel(_ body: (String, ModelUse) -> Void) {
        if let g = storage.grown {
            for (m, u) in g.state.models { body(m, u) }
        } else if let f = storage.first, let m = f.model {
            body(m, ModelUse(requests: 1, firstSeen: f.timestamp))
        }
    }
    package var systemPromptHashes: [UInt64] {
        if let g = storage.grown { return g.state.systemPrompts.hashesUnordered }
        return storage.first?.systemHash.map { [$0] } ?? []
    }
}
