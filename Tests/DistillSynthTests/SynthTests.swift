import DistillDecode
import DistillScan
import Foundation
import Testing

@testable import DistillSynth

@Suite("synthetic corpora", .serialized)
struct SynthTests {
    static let root: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.path
    }()

    func tempDir() -> String {
        let d = NSTemporaryDirectory() + "ds-synth-" + UUID().uuidString
        try! FileManager.default.createDirectory(atPath: d, withIntermediateDirectories: true)
        return d
    }

    /// Every file of a corpus, by path relative to its folder.
    func files(_ dir: String) throws -> [String: Data] {
        var out: [String: Data] = [:]
        for f in try FileManager.default.subpathsOfDirectory(atPath: dir).sorted() {
            var isDir: ObjCBool = false
            if FileManager.default.fileExists(atPath: dir + "/" + f, isDirectory: &isDir), !isDir.boolValue { out[f] = FileManager.default.contents(atPath: dir + "/" + f) }
        }
        return out
    }

    @Test(arguments: SynthConfig.Format.allCases)
    func theSameSeedWritesTheSameBytes(_ format: SynthConfig.Format) throws {
        let a = tempDir(), b = tempDir()
        defer { try? FileManager.default.removeItem(atPath: a); try? FileManager.default.removeItem(atPath: b) }
        var c = SynthConfig()
        c.seed = 12; c.accounts = 120; c.days = 2; c.format = format
        c.humanPrompts = ["how do I get rid of fruit flies", "¿qué puedo cocinar con garbanzos?", "晚饭吃什么好", "write a haiku about rain"]
        _ = try CorpusWriter.write(c, to: a)
        _ = try CorpusWriter.write(c, to: b)
        let fa = try files(a), fb = try files(b)
        #expect(fa.keys.sorted() == fb.keys.sorted())
        #expect(fa.keys.contains("truth.json") && fa.keys.contains("accounts.jsonl") && fa.keys.count == 4)
        for (k, v) in fa { #expect(v == fb[k], "\(k) differs") }
        // Another seed writes another corpus.
        guard format == .canonical else { return }
        c.seed = 13
        let d = tempDir()
        defer { try? FileManager.default.removeItem(atPath: d) }
        _ = try CorpusWriter.write(c, to: d)
        #expect(try files(d)["truth.json"] != fa["truth.json"])
    }

    /// Reads a corpus back through the real decoder.
    func records(_ dir: String) throws -> [RequestRecord] {
        let config = try InputConfiguration.validate(paths: [dir + "/logs"], inputFormat: nil, schemaFile: nil, threads: 2, since: nil, until: nil, maxLineBytes: nil, maxDepth: nil)
        return ParallelScan.run(config.sources, threads: 2, options: config.decode) { Collector() }.sink.records
    }

    func truth(_ dir: String) throws -> [String: [String: Any]] {
        let t = try JSONSerialization.jsonObject(with: FileManager.default.contents(atPath: dir + "/truth.json")!) as! [String: Any]
        return t["accounts"] as! [String: [String: Any]]
    }

    @Test func everyPopulationAndCampaignStyleIsPresentWithItsTraits() throws {
        let dir = Self.root + "/Fixtures/demo"
        let t = try truth(dir)
        let populations = Set(t.values.map { $0["population"] as! String })
        for p in [
            "casual", "family", "mobile_carrier", "coding_client", "university", "reseller_customer", "enterprise_batch", "eval_harness",
            "saas_automation", "hydra", "reasoning_ring", "agentic_aged", "low_and_slow", "relay", "dataset_replay", "cjk", "small_ring",
        ] {
            #expect(populations.contains(p), "missing \(p)")
        }
        let recs = try records(dir)
        func pop(_ a: String) -> String { t[a]!["population"] as! String }
        // The coding client's system prompt is identical across many unrelated accounts.
        let client = Dictionary(grouping: recs.filter { pop($0.account) == "coding_client" }, by: \.systemPrompt)
        #expect(client.count == 1 && Set(client.first!.value.map(\.account)).count >= 30)
        // The proxy pool is shared by the hydra campaign and benign reseller customers.
        let hydraIPs = Set(recs.filter { pop($0.account) == "hydra" }.compactMap(\.ip))
        let resellerIPs = Set(recs.filter { pop($0.account) == "reseller_customer" }.compactMap(\.ip))
        #expect(!hydraIPs.isDisjoint(with: resellerIPs))
        // The relay's accounts never overlap in time.
        let relay = Dictionary(grouping: recs.filter { pop($0.account) == "relay" }, by: \.account)
            .map { ($0.value.map(\.timestamp).min()!, $0.value.map(\.timestamp).max()!) }.sorted { $0.0 < $1.0 }
        #expect(relay.count >= 3)
        for (a, b) in zip(relay, relay.dropFirst()) { #expect(a.1 < b.0) }
        // The CJK campaign writes in a script without spaces.
        let cjk = recs.filter { pop($0.account) == "cjk" }.map(\.prompt)
        #expect(cjk.filter { !$0.contains(" ") }.count * 2 > cjk.count)
    }

    @Test func injectedDirtyLinesAreCountedExactly() throws {
        let dir = Self.root + "/Fixtures/demo"
        let t = try JSONSerialization.jsonObject(with: FileManager.default.contents(atPath: dir + "/truth.json")!) as! [String: Any]
        let dirty = t["dirty_lines"] as! [String: Int]
        #expect(!dirty.isEmpty)
        let config = try InputConfiguration.validate(paths: [dir + "/logs"], inputFormat: nil, schemaFile: nil, threads: 2, since: nil, until: nil, maxLineBytes: nil, maxDepth: nil)
        let scans = ParallelScan.run(config.sources, threads: 2, options: config.decode) { Collector() }.files
        var counted: [String: Int] = [:]
        for s in scans {
            for (k, v) in s.tally.malformed { counted[k.rawValue, default: 0] += v }
            for (k, v) in s.tally.skipped { counted[k.rawValue, default: 0] += v }
        }
        #expect(counted == dirty)
    }

    @Test(arguments: ["litellm", "bedrock"])
    func otherFormatsDecodeWithZeroMalformedLines(_ corpus: String) throws {
        let config = try InputConfiguration.validate(
            paths: [Self.root + "/Fixtures/\(corpus)/logs"], inputFormat: nil, schemaFile: nil, threads: 2, since: nil, until: nil, maxLineBytes: nil, maxDepth: nil)
        let scans = ParallelScan.run(config.sources, threads: 2, options: config.decode) { Collector() }.files
        #expect(scans.allSatisfy { $0.tally.malformedTotal == 0 && $0.tally.records > 0 && $0.error == nil })
        let formats = Set(scans.flatMap { $0.formats.keys })
        #expect(formats == [LogFormat(rawValue: corpus)!])
    }
}

struct Collector: RecordSink {
    var records: [RequestRecord] = []
    mutating func consume(_ r: RequestRecord) { records.append(r) }
    mutating func merge(_ o: Collector) { records += o.records }
}
