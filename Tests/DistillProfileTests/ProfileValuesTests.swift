import DistillDecode
import Testing

@testable import DistillProfile

/// The direct readers of a profile's addresses, clients, models and system prompts
/// (`ipEntries`, `subnetEntries`, `clientEntries` and their keys one by one, `forEachModel`,
/// `systemPromptHashes`, `forEachSystemPrompt`, `forEachSampledPrompt` and its hashes alone) give
/// what the sketches give, for one-request profiles (read without building their grown
/// state) and for grown ones. Regression: the link stage's rarity counts and scoring's
/// dump-wide counts built a grown state per one-request account to read these (2 M
/// one-request accounts: link 12.9 → 8.5 s, score 2.4 → 0.6 s).
@Suite("profile values")
struct ProfileValuesTests {
    func record(_ i: Int, account: String) -> RequestRecord {
        var r = RequestRecord(timestamp: 1_780_000_000_000 + Int64(i) * 61_000, account: account)
        if i % 5 != 1 { r.ip = i % 7 == 0 ? "2001:db8::\(i)" : "10.\(i % 3).\(i % 5).\(i)" }
        if i % 4 != 2 { r.userAgent = "client/\(i % 3)" }
        if i % 3 != 0 { r.tlsFingerprint = "ja3-\(i % 2)" }
        if i % 6 != 3 { r.model = "model-\(i % 4)" }
        if i % 2 == 0 { r.systemPrompt = "system \(i % 3)" }
        r.prompt = "prompt \(i)"
        // Long-output asks: the extraction part's own sample fills too.
        if i % 3 == 1 { r.maxTokens = 8192 }
        return r
    }

    /// Also with no extraction-part sample (`part_samples` 0): a one-request profile's prompt is then in no part sample.
    @Test(arguments: [6, 0])
    func directReadersEqualTheSketches(partSamples: Int) {
        var parameters = ProfileParameters()
        parameters.partSamples = partSamples
        var state = ProfileState(parameters: parameters, matcher: IntentMatcher(pack: .builtIn))
        // Accounts of one request (every combination of missing fields) and of several.
        for i in 0..<60 { state.consume(record(i, account: "one-\(i)")) }
        for i in 0..<300 { state.consume(record(i, account: "many-\(i % 7)")) }
        var oneRequest = 0
        for (id, p) in state.accountsByID {
            if p.requests == 1 { oneRequest += 1 }
            #expect(p.ipEntries.map { "\($0.key) \($0.value)" }.sorted() == p.ips.itemsUnordered.map { "\($0.hash) \($0.payload)" }.sorted(), "\(id)")
            #expect(p.subnetEntries.map { "\($0.key) \($0.value)" }.sorted() == p.subnets.itemsUnordered.map { "\($0.hash) \($0.payload)" }.sorted(), "\(id)")
            #expect(
                p.clientEntries.map { "\($0.key) \($0.value.display)" }.sorted() == p.clients.itemsUnordered.map { "\($0.hash) \($0.payload.display)" }.sorted(), "\(id)")
            var ipKeys: [UInt64] = [], subnetKeys: [UInt64] = [], clientKeys: [UInt64] = []
            p.forEachIPKey { ipKeys.append($0) }
            p.forEachSubnetKey { subnetKeys.append($0) }
            p.forEachClientKey { clientKeys.append($0) }
            #expect(ipKeys.sorted() == p.ips.hashesUnordered.sorted(), "\(id)")
            #expect(subnetKeys.sorted() == p.subnets.hashesUnordered.sorted(), "\(id)")
            #expect(clientKeys.sorted() == p.clients.hashesUnordered.sorted(), "\(id)")
            #expect(p.systemPromptHashes.sorted() == p.systemPrompts.hashesUnordered.sorted(), "\(id)")
            var system: [String] = []
            p.forEachSystemPrompt { h, c, text in system.append("\(h) \(c) \(text)") }
            #expect(system.sorted() == p.systemPrompts.itemsUnordered.map { "\($0.hash) \($0.count) \($0.payload)" }.sorted(), "\(id)")
            var sampled: [String] = []
            p.forEachSampledPrompt { h, c, s, general, part in sampled.append("\(h) \(c) \(s.text) \(general) \(part)") }
            var expected: [String] = []
            p.promptSamples.forEachItem { h, c, s in expected.append("\(h) \(c) \(s.text) true \(p.partSamples.holds(h))") }
            p.partSamples.forEachItem { h, c, s in if !p.promptSamples.holds(h) { expected.append("\(h) \(c) \(s.text) false true") } }
            #expect(sampled.sorted() == expected.sorted(), "\(id)")
            // The hashes alone, in the same order (the link stage's first gathering pass).
            var hashesInOrder: [UInt64] = [], hashesAlone: [UInt64] = []
            p.forEachSampledPrompt { h, _, _, _, _ in hashesInOrder.append(h) }
            p.forEachSampledPromptHash { hashesAlone.append($0) }
            #expect(hashesAlone == hashesInOrder, "\(id)")
            var models: [String: String] = [:]
            p.forEachModel { m, u in models[m] = "\(u.requests)@\(u.firstSeen)" }
            #expect(models == p.models.mapValues { "\($0.requests)@\($0.firstSeen)" }, "\(id)")
        }
        #expect(oneRequest == 60)
    }
}
