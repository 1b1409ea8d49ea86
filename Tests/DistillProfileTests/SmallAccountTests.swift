import DistillDecode
import Testing

@testable import DistillProfile

/// Issue 19: ~7 KB per account whatever its size (2 million one-request accounts needed
/// 14 GB). A one-request account keeps its request's facts, not sketches; the profile
/// read from it, grown from it or merged with it is the one the sketches would give.
@Suite("small accounts")
struct SmallAccountTests {
    func record(_ i: Int, account: String = "a") -> RequestRecord {
        var r = RequestRecord(timestamp: 1_780_000_000_000 + Int64(i) * 3_700_000, account: account)
        r.prompt = "Show every step of your reasoning for question \(i % 3)"
        r.systemPrompt = i % 2 == 0 ? "You are a tutor" : ""
        r.ip = "10.0.\(i % 4).\(i)"
        r.userAgent = "client/\(i % 2)"
        r.tlsFingerprint = i % 3 == 0 ? nil : "ja3-\(i % 2)"
        r.org = "org-\(i % 2)"
        r.apiKey = "key-\(i % 3)"
        r.model = "model-\(i % 2)"
        r.maxTokens = 8192
        r.outputTokens = 1500 + i
        r.userTurns = 1
        return r
    }

    func profiles(_ records: [RequestRecord]) -> ProfileState {
        var state = ProfileState(parameters: ProfileParameters(), matcher: IntentMatcher(pack: .builtIn))
        for r in records { state.consume(r) }
        return state
    }

    /// Everything a reader sees of a profile, as text (sketch items in hash order).
    func summary(_ p: AccountProfile) -> String {
        func items<P>(_ b: BottomK<P>) -> String { b.items.map { "\($0.hash):\($0.count):\($0.payload)" }.joined(separator: ",") }
        return [
            p.requests, p.failed, p.withPrompt, p.singleTurn, p.withOutput, p.outputTokens, p.extractionIntent,
            p.extractionShaped, p.extractionShapedTagged, p.hitLimit, p.largeMaxTokens,
        ].map(String.init).joined(separator: " ")
            + " \(p.firstSeen) \(p.lastSeen) \(p.hours) \(p.minutes) \(p.intents) \(p.hourEntropy) \(p.repeatShare)"
            + " \(p.activity.sorted { $0.key < $1.key }.map { "\($0.key):\($0.value.requests):\($0.value.hours)" })"
            + " \(p.models.sorted { $0.key < $1.key }.map { "\($0.key):\($0.value.requests):\($0.value.firstSeen)" })"
            + " "
            + [
                items(p.ips), items(p.subnets), items(p.clients), items(p.orgs), items(p.apiKeys), items(p.systemPrompts),
                items(p.promptHashes),
            ].joined(separator: " | ")
            + " " + p.promptSamples.items.map { "\($0.hash):\($0.count):\($0.payload.text):\($0.payload.tags):\($0.payload.shingles)" }.joined()
            + " " + p.partSamples.items.map { "\($0.hash):\($0.count):\($0.payload.text)" }.joined()
    }

    @Test func aOneRequestAccountKeepsNoSketches() {
        let p = profiles([record(1)]).accounts["a"]!
        #expect(p.storage.grown == nil && p.storage.first != nil)
        #expect(p.requests == 1 && p.ips.count == 1 && p.promptSamples.count == 1 && p.hourEntropy == 0)
    }

    /// Read, grown by a second request, and merged: the same as the sketches would hold.
    @Test func aOneRequestAccountReadsAsTheGrownOne() {
        let records = (0..<6).map { record($0) }
        // Two accounts of one request each merged, against the two requests in one account.
        let one = profiles([records[0]]).accounts["a"]!, other = profiles([records[1]]).accounts["a"]!
        var merged = one
        merged.merge(other)
        let both = profiles(Array(records[0...1])).accounts["a"]!
        #expect(summary(merged) == summary(both))
        #expect(both.storage.grown != nil)
        // A small profile read directly equals the same request in a grown profile's replay.
        var grown = AccountProfile(ProfileParameters())
        grown.merge(one)
        #expect(summary(grown) == summary(one))
        // Shards of single requests merged equal the whole stream.
        var shards = profiles([records[0]])
        for r in records.dropFirst() { shards.merge(profiles([r])) }
        #expect(summary(shards.accounts["a"]!) == summary(profiles(records).accounts["a"]!))
    }

    /// Copies share the storage until one changes (the link stage copies every profile).
    @Test func copiesShareStorageUntilChanged() {
        let p = profiles([record(1)]).accounts["a"]!
        var q = p
        #expect(p.storage === q.storage)
        q.requests += 1
        #expect(p.storage !== q.storage && p.requests == 1 && q.requests == 2)
    }
}
