import Dispatch
import DistillDecode
import Testing

@testable import DistillProfile

/// Two scan workers update one set of profiles, each account in one partition: the
/// result must be the state one worker builds from the same requests, whichever worker
/// met which request and in whatever interleaving.
@Suite("shared profiles")
struct SharedProfileStateTests {
    func record(_ i: Int) -> RequestRecord {
        var r = RequestRecord(timestamp: 1_780_000_000_000 + Int64(i % 977) * 61_000, account: "account-\(i % 301)-\(String(repeating: "x", count: i % 23))")
        r.prompt = i % 5 == 0 ? "Explain step by step how to solve problem \(i % 40)" : "Write a short poem about \(i % 13)"
        r.model = "model-\(i % 3)"
        r.userAgent = "client/\(i % 4)"
        r.ip = "10.1.\(i % 7).\(i % 200)"
        r.outputTokens = 100 + i % 900
        r.maxTokens = i % 2 == 0 ? 4096 : nil
        r.userTurns = 1 + i % 2
        return r
    }

    /// What a reader sees of every profile, as text.
    func summary(_ s: ProfileState) -> [String] {
        s.accountsByID.map { id, p in
            "\(id) \(p.requests) \(p.outputTokens) \(p.firstSeen) \(p.lastSeen) \(p.hours) \(p.extractionIntent) \(p.repeatShare)"
                + " \(p.models.sorted { $0.key < $1.key }.map { "\($0.key):\($0.value.requests)" })"
                + " \(p.ips.items.map { "\($0.hash):\($0.count)" }) \(p.promptSamples.items.map { "\($0.hash):\($0.count):\($0.payload.text)" })"
        }
    }

    @Test func twoWorkersSharingProfilesBuildWhatOneWorkerBuilds() {
        let records = (0..<6_000).map(record)
        var alone = ProfileState(parameters: ProfileParameters(), matcher: IntentMatcher(pack: .builtIn))
        for r in records { alone.consume(r) }
        let shared = SharedProfileState(parameters: ProfileParameters(), matcher: IntentMatcher(pack: .builtIn))
        // Blocks of 64 requests go to the two workers in turn, as a scan hands out blocks.
        DispatchQueue.concurrentPerform(iterations: 2) { w in
            var sink = SharedProfileSink(shared)
            for block in stride(from: w * 64, to: records.count, by: 128) {
                for r in records[block..<min(records.count, block + 64)] { sink.consume(r) }
            }
        }
        let joined = shared.joined()
        #expect(joined.accountCount == alone.accountCount)
        #expect(summary(joined) == summary(alone))
    }

    /// The partitions are closed on several threads at the end of a scan: the joined state
    /// is the one joined on one, down to every profile's open days and models.
    @Test func partitionsClosedOnSeveralThreadsJoinAsOnOne() {
        let records = (0..<6_000).map(record)
        func joined(threads: Int) -> ProfileState {
            let shared = SharedProfileState(parameters: ProfileParameters(), matcher: IntentMatcher(pack: .builtIn))
            var sink = SharedProfileSink(shared)
            for r in records { sink.consume(r) }
            return shared.joined(threads: threads)
        }
        let one = joined(threads: 1)
        for threads in [2, 3, 8] {
            let many = joined(threads: threads)
            #expect(many.ids.count == one.ids.count && (0..<one.ids.count).allSatisfy { many.ids[$0] == one.ids[$0] })
            #expect(summary(many) == summary(one), "\(threads) threads")
        }
    }

    /// Regression: `accountsByID` closed each profile's open day and model on a copy, so
    /// the link stage held a second copy of every active profile beside the scanned
    /// state (~16 MiB of the x1 bench corpus's peak). The joined state is closed in place:
    /// the profiles the link stage reads share their storage with it.
    @Test func joinedProfilesAreClosedInPlaceSoTheLinkStageSharesTheirStorage() {
        let shared = SharedProfileState(parameters: ProfileParameters(), matcher: IntentMatcher(pack: .builtIn))
        var sink = SharedProfileSink(shared)
        for i in 0..<3_000 {
            var r = record(i)
            r.account = "account-\(i % 50)"
            sink.consume(r)
        }
        let joined = shared.joined()
        #expect(joined.profiles.allSatisfy { !($0.storage.grown?.state.hasOpenEntries ?? false) })
        #expect(joined.profiles.contains { $0.storage.grown != nil })
        let positions = Dictionary(uniqueKeysWithValues: joined.ids.enumerated().map { ($1, $0) })
        for (id, profile) in joined.accountsByID {
            #expect(profile.storage === joined.profiles[positions[id]!].storage, "\(id) was copied")
        }
    }

    /// The profile pass prefetches each profile's grown part from an address it keeps per
    /// account (`ProfileState.grownAt`): a merge empties those, and a copy that shares a
    /// profile's storage leaves them stale (the next update gives the profile a new grown
    /// part). A hint must never change a profile: requests after a merge, and after a copy
    /// made once the hints are filled again, give what one state fed everything gives.
    @Test func staleGrownPartHintsAfterAMergeOrACopyChangeNoProfile() {
        // 97 accounts of ~40 requests each: profiles that grow, so that hints are kept.
        let records = (0..<4_000).map { i in
            var r = record(i)
            r.account = "account-\(i % 97)"
            return r
        }
        var alone = ProfileState(parameters: ProfileParameters(), matcher: IntentMatcher(pack: .builtIn))
        for r in records { alone.consume(r) }
        var first = ProfileState(parameters: ProfileParameters(), matcher: IntentMatcher(pack: .builtIn))
        var second = first
        for r in records[0..<1_000] { first.consume(r) }
        for r in records[1_000..<2_000] { second.consume(r) }
        first.merge(second)
        // Requests after the merge fill the hints again; the copy then leaves them stale.
        for r in records[2_000..<2_500] { first.consume(r) }
        #expect(first.grownAt.contains { $0 != 0 })
        let copy = first
        for r in records[2_500...] { first.consume(r) }
        #expect(summary(first) == summary(alone))
        // And the copy kept what it had.
        var part = ProfileState(parameters: ProfileParameters(), matcher: IntentMatcher(pack: .builtIn))
        for r in records[0..<2_500] { part.consume(r) }
        #expect(summary(copy) == summary(part))
        #expect(AccountProfile.grownLines > 1 && AccountProfile.storageLines > 1)
        // The storage is prefetched from the profile array's bytes: a profile must stay one
        // reference, its storage's.
        #expect(AccountProfile.isOneReference)
        #expect(first.profiles.withUnsafeBytes { $0.load(as: UInt.self) } == UInt(bitPattern: Unmanaged.passUnretained(first.profiles[0].storage).toOpaque()))
    }
}
