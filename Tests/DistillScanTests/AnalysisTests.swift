import DistillDecode
import DistillProfile
import DistillReport
import DistillScore
import DistillSynth
import Foundation
import Testing

@testable import DistillScan

@Suite("analysis end to end", .serialized)
struct AnalysisTests {
    /// The quality bar of issue 5 on every committed fixture corpus, one per format.
    @Test(arguments: ["demo", "litellm", "bedrock"])
    func detectionQualityOnFixtures(_ corpus: String) throws {
        let report = Analysis.run(try Fixture.config(corpus))
        let dir = NSTemporaryDirectory() + "ds-eval-\(corpus)-\(UUID().uuidString).json"
        #expect(FileManager.default.createFile(atPath: dir, contents: Data(report.json().render().utf8)))
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let e = try Evaluation.load(report: dir, truth: Fixture.path("Fixtures/\(corpus)/truth.json"))
        #expect(e.f1 >= 0.95, "account F1 \(e.f1)")
        // demo 0.98, litellm 1.00, bedrock 0.94 since components are split into campaigns (CommunitySplit).
        #expect(e.bcubedF1 >= 0.93, "B-cubed F1 \(e.bcubedF1)")
        #expect(e.benignAtMediumOrAbove == 0)
        #expect(report.input.tally.lines == report.input.tally.records + report.input.tally.malformedTotal + report.input.tally.skippedTotal)
    }

    @Test func outputIsByteIdenticalAcrossThreadCountsAndFileOrder() throws {
        let logs = Fixture.path("Fixtures/demo/logs")
        let files = try FileManager.default.contentsOfDirectory(atPath: logs).sorted().map { logs + "/" + $0 }
        let one = Analysis.run(try Fixture.config("demo", threads: 1)).json().render()
        let three = Analysis.run(try Fixture.config("demo", threads: 3, paths: files.reversed())).json().render()
        #expect(one == three)
    }

    @Test func profilingShardsAndMergingEqualsProfilingTheWhole() throws {
        let config = try Fixture.config("demo", threads: 1)
        let matcher = IntentMatcher(pack: .builtIn)
        let params = ProfileParameters()
        var whole = ProfileState(parameters: params, matcher: matcher)
        var shards = [ProfileState](repeating: ProfileState(parameters: params, matcher: matcher), count: 3)
        var i = 0
        for source in config.input.sources {
            var collector = RecordCollector()
            _ = FileScan.run(source, options: config.input.decode, sink: &collector)
            for r in collector.records {
                whole.consume(r)
                shards[i % 3].consume(r)  // interleaved, not by file
                i += 1
            }
        }
        var merged = shards[2]
        merged.merge(shards[0])
        merged.merge(shards[1])
        // The scan's merge of its workers' states splits the accounts among threads.
        let mergedOnThreads = ProfileState.merging([shards[2], shards[0], shards[1]], threads: 3)
        for candidate in [merged, mergedOnThreads] {
            #expect(whole.accounts.count == candidate.accounts.count)
            for (id, a) in whole.accounts {
                let b = try #require(candidate.accounts[id])
                #expect(a.requests == b.requests && a.hours == b.hours && a.days == b.days && a.dayHours == b.dayHours)
                #expect(a.intents == b.intents && a.outputTokens == b.outputTokens && a.hitLimit == b.hitLimit)
                #expect(a.firstSeen == b.firstSeen && a.lastSeen == b.lastSeen)
                #expect(a.models.mapValues(\.requests) == b.models.mapValues(\.requests))
                #expect(a.ips.entries.mapValues(\.count) == b.ips.entries.mapValues(\.count))
                #expect(a.promptHashes.entries.mapValues(\.count) == b.promptHashes.entries.mapValues(\.count))
                #expect(Set(a.promptSamples.entries.keys) == Set(b.promptSamples.entries.keys))
            }
        }
    }

    @Test func realOutputValidatesAgainstTheShippedSchema() throws {
        let schema = try #require(FileManager.default.contents(atPath: Fixture.path("docs/report.schema.json")))
        for corpus in ["demo", "bedrock"] {
            let json = Analysis.run(try Fixture.config(corpus)).json().render()
            let errors = SchemaValidator.validate(document: Array(json.utf8), schema: [UInt8](schema))
            #expect(errors.isEmpty, "\(errors.prefix(5))")
        }
    }

    /// Issue 4: campaign templates come out as families spanning the campaign; the coding
    /// client's system prompt is one family on many accounts that links none of them.
    @Test func familiesSpanCampaignsAndAPopularClientIsOneFamilyButNoCluster() throws {
        let r = Analysis.run(try Fixture.config("demo"))
        let truth = try JSONSerialization.jsonObject(with: FileManager.default.contents(atPath: Fixture.path("Fixtures/demo/truth.json"))!) as! [String: Any]
        let accounts = truth["accounts"] as! [String: [String: Any]]
        let client = r.familyStatistics.filter { $0.origin == "system" }.max { $0.accounts < $1.accounts }
        #expect((client?.accounts ?? 0) >= 30)
        // Its heavy users may be judged on their own long single-turn outputs (issue 14: an
        // account's extraction part decides too), but the shared system prompt links none of them.
        #expect(!r.campaigns.isEmpty)
        for c in r.campaigns {
            #expect(!c.accounts.contains { accounts[$0]?["population"] as? String == "coding_client" })
            let top = try #require(c.families.first)
            if c.accounts.count >= 5 { #expect(top.accounts * 2 >= c.accounts.count, "\(c.id): top family on \(top.accounts) of \(c.accounts.count)") }
        }
    }

    @Test func campaignIDsComeFromMembersNotRunOrder() throws {
        let r = Analysis.run(try Fixture.config("demo"))
        #expect(r.campaigns.count >= 3)  // a loop over no campaign proves nothing
        for c in r.campaigns { #expect(c.id == DistillScore.CampaignScorer.campaignID(c.accounts)) }
        #expect(Set(r.campaigns.map(\.id)).count == r.campaigns.count)
    }
}

/// Keeps every record (tests only).
struct RecordCollector: RecordSink {
    var records: [RequestRecord] = []
    mutating func consume(_ r: RequestRecord) { records.append(r) }
    mutating func merge(_ o: RecordCollector) { records += o.records }
}
