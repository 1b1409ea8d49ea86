import DistillDecode

/// The profile pass: a profile per account, built from the record stream. A `RecordSink`:
/// profiling shards separately and merging equals profiling the whole.
public struct ProfileState: RecordSink, @unchecked Sendable {
    public let parameters: ProfileParameters
    public let matcher: IntentMatcher
    public private(set) var accounts: [String: AccountProfile] = [:]

    public init(parameters: ProfileParameters, matcher: IntentMatcher) {
        self.parameters = parameters
        self.matcher = matcher
    }

    public mutating func consume(_ r: RequestRecord) {
        let p = parameters
        var a = accounts.removeValue(forKey: r.account) ?? AccountProfile(p)
        a.requests += 1
        if r.failed { a.failed += 1 }
        a.firstSeen = min(a.firstSeen, r.timestamp)
        a.lastSeen = max(a.lastSeen, r.timestamp)
        let secs = r.timestamp >= 0 ? r.timestamp / 1000 : (r.timestamp - 999) / 1000
        let day = Int32(secs >= 0 ? secs / 86400 : (secs - 86399) / 86400)
        let hour = Int((secs - Int64(day) * 86400) / 3600)
        a.hours[hour] += 1
        a.days[day, default: 0] += 1
        a.dayHours[day, default: 0] |= 1 << UInt32(hour)
        if !r.toolNames.isEmpty { a.withTools += 1 }
        if let m = r.maxTokens {
            a.withMaxTokens += 1
            if m >= p.largeMaxTokens { a.largeMaxTokens += 1 }
        }
        if let o = r.outputTokens, !r.failed {
            a.withOutput += 1
            a.outputTokens += o
            if r.hitTokenLimit { a.hitLimit += 1 }
        }
        if let model = r.model {
            if var u = a.models[model] { u.requests += 1; u.firstSeen = min(u.firstSeen, r.timestamp); a.models[model] = u }
            else if a.models.count < 64 { a.models[model] = AccountProfile.ModelUse(requests: 1, firstSeen: r.timestamp) }
        }
        if let ip = r.ip {
            a.ips.add(StableHash.string(ip), ip)
            let net = Self.subnet(of: ip)
            a.subnets.add(StableHash.string(net), net)
        }
        if r.userAgent != nil || r.tlsFingerprint != nil {
            let c = ClientSignature(userAgent: r.userAgent ?? "", tls: r.tlsFingerprint ?? "")
            a.clients.add(StableHash.string(c.userAgent + "\u{1}" + c.tls), c)
        }
        if let o = r.org { a.orgs.add(StableHash.string(o), o) }
        if let k = r.apiKey { a.apiKeys.add(StableHash.string(k), k) }
        if !r.systemPrompt.isEmpty {
            let h = StableHash.string(r.systemPrompt)
            a.systemPrompts.add(h, Self.prefix(r.systemPrompt, p.sampleTextBytes))
        }
        if !r.prompt.isEmpty {
            a.withPrompt += 1
            if r.userTurns <= 1 { a.singleTurn += 1 }
            let tags = matcher.tags(prompt: r.prompt, hasTools: !r.toolNames.isEmpty, maxTokens: r.maxTokens, userTurns: r.userTurns)
            if tags != 0 {
                for (i, t) in IntentTag.allCases.enumerated() where tags & (1 << UInt8(i)) != 0 {
                    a.intents[i] += 1
                    _ = t
                }
                if tags & Self.extractionMask != 0 { a.extractionIntent += 1 }
            }
            let h = StableHash.string(r.prompt)
            a.promptHashes.add(h, true)
            if a.promptSamples.admits(h) {
                a.promptSamples.add(h, AccountProfile.PromptSample(
                    text: Self.prefix(r.prompt, p.sampleTextBytes), signature: ShingleSignature(text: r.prompt), tags: tags))
            }
        }
        accounts[r.account] = a
    }

    public mutating func merge(_ o: ProfileState) {
        for (k, v) in o.accounts {
            if var mine = accounts[k] { mine.merge(v); accounts[k] = mine } else { accounts[k] = v }
        }
    }

    static let extractionMask: UInt8 = IntentTag.allCases.enumerated().reduce(0) { $1.element.isExtraction ? $0 | (1 << UInt8($1.offset)) : $0 }

    /// `/24` of an IPv4 address, `/48` of an IPv6 one.
    public static func subnet(of ip: String) -> String {
        if ip.contains(":") {
            let groups = ip.split(separator: ":", omittingEmptySubsequences: false).prefix(3)
            return groups.joined(separator: ":") + "::/48"
        }
        guard let last = ip.lastIndex(of: ".") else { return ip }
        return ip[..<last] + ".0/24"
    }

    static func prefix(_ s: String, _ n: Int) -> String {
        guard s.utf8.count > n else { return s }
        var cut = n
        let u = Array(s.utf8)
        while cut > 0 && (u[cut] & 0xC0) == 0x80 { cut -= 1 }
        return String(decoding: u[0..<cut], as: UTF8.self)
    }
}
