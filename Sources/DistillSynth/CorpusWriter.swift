import Dispatch
import DistillInput
import DistillSupport
import Foundation

/// `distillscan synth`: writes `logs/` (one gzip file per day), `accounts.jsonl` and
/// `truth.json` (kept beside `logs/`, so analysing `logs/` never reads the answers).
package enum CorpusWriter {
    /// What was written.
    package struct Summary: Sendable {
        package var files: [String]
        package var requests: Int
        package var accounts: Int
        package var campaigns: Int
    }

    /// The world and every account's behaviour for a configuration, with the parameters drawn.
    static func plan(_ config: SynthConfig) -> (world: World, behaviours: [Behaviour], parameters: DrawnParameters) {
        let world = World(config: config)
        var rng = SplitMix(seed: config.seed, [3])
        var factory = AccountFactory(rng: SplitMix(seed: config.seed, [4]))
        var parameters = DrawnParameters()
        var behaviours = BenignPopulations.build(world, &factory, &rng)
        behaviours += CampaignPopulations.build(world, &factory, &rng)
        let firstID = Set(behaviours.filter { $0.account.kind == "campaign" }.map(\.account.group)).count + 1
        var evasion = SplitMix(seed: config.seed, [7])
        behaviours += EvasionCampaigns.build(world, &factory, &evasion, &parameters, firstID: firstID)
        var lookalikes = SplitMix(seed: config.seed, [8])
        behaviours += AutomationLookalikes.build(world, &factory, &lookalikes, &parameters)
        return (world, behaviours, parameters)
    }

    package static func write(_ config: SynthConfig, to outdir: String) throws -> Summary {
        let (world, behaviours, parameters) = plan(config)
        let fm = FileManager.default
        do { try fm.createDirectory(atPath: outdir + "/logs", withIntermediateDirectories: true) } catch {
            throw WriteFailed(path: outdir + "/logs")
        }
        let generator = EventGenerator(world: world)
        let days = config.days
        let paths = (0..<days).map { d in outdir + "/logs/" + String(EventWriter.rfc3339(world.dayStart(d)).prefix(10)) + ".jsonl.gz" }
        let counts = Box(Array(repeating: 0, count: days))
        let dirtyCounts = Box([String: Int]())
        let failures = Box([String]())
        let behavioursCopy = behaviours
        DispatchQueue.concurrentPerform(iterations: days) { d in
            let events = generator.events(day: d, behaviours: behavioursCopy)
            var text = ""
            text.reserveCapacity(events.count * 900)
            var dirty: [String: Int] = [:]
            var drng = SplitMix(seed: config.seed, [5, UInt64(d)])
            let dirtyEvery = config.dirtyLinesPerFile > 0 ? max(1, events.count / config.dirtyLinesPerFile) : Int.max
            var bytes: [UInt8] = []
            for (i, e) in events.enumerated() {
                text += EventWriter.line(e, format: config.format, variant: world.variant)
                text += "\n"
                if i % dirtyEvery == dirtyEvery - 1 {
                    let (kind, line) = DirtyLines.make(&drng)
                    dirty[kind, default: 0] += 1
                    bytes += Array(text.utf8) + line + [0x0A]
                    text = ""
                }
            }
            bytes += Array(text.utf8)
            let gz = Gzip.compress(bytes, level: config.gzipLevel)
            if !fm.createFile(atPath: paths[d], contents: Data(gz)) { failures.update { $0.append(paths[d]) } }
            counts.update { $0[d] = events.count }
            dirtyCounts.update { $0.merge(dirty, uniquingKeysWith: +) }
        }
        if let failed = failures.value.sorted().first { throw WriteFailed(path: failed) }
        // accounts.jsonl and truth.json
        let accounts = behaviours.map(\.account).sorted { $0.id < $1.id }
        var acc = ""
        for a in accounts where config.writeAccountsFile {
            acc +=
                "{\"account_id\":\(EventWriter.q(EventWriter.accountKey(a.id, config.format, owner: world.variant.logOwner))),\"created_at\":\"\(EventWriter.rfc3339(a.createdAt))\",\"email\":\(EventWriter.q(a.email))"
            acc += ",\"payment_fingerprint\":\(EventWriter.q(a.payment)),\"billing_country\":\(EventWriter.q(a.country)),\"verified\":\(a.verified)"
            acc += ",\"org_id\":\(a.org.map(EventWriter.q) ?? "null")}\n"
        }
        if config.writeAccountsFile {
            guard fm.createFile(atPath: outdir + "/accounts.jsonl", contents: Data(acc.utf8)) else { throw WriteFailed(path: outdir + "/accounts.jsonl") }
        } else if fm.fileExists(atPath: outdir + "/accounts.jsonl") {
            // A corpus rewritten without accounts must not keep an earlier run's file.
            try? fm.removeItem(atPath: outdir + "/accounts.jsonl")
        }
        let truth = Truth.render(config: config, world: world, accounts: accounts, dirty: dirtyCounts.value, parameters: parameters)
        guard fm.createFile(atPath: outdir + "/truth.json", contents: Data(truth.utf8)) else { throw WriteFailed(path: outdir + "/truth.json") }
        return Summary(
            files: paths, requests: counts.value.reduce(0, +), accounts: accounts.count,
            campaigns: Set(accounts.filter { $0.kind == "campaign" }.map(\.group)).count)
    }
}

/// A corpus file could not be written.
package struct WriteFailed: StatusError {
    package var path: String
    /// Like `-o`: the destination is the problem.
    package var exitStatus: ExitStatus { .usage }
    package var description: String { "\(path): cannot write here; check that the directory can be created, is writable and the disk has space" }
}

/// A value updated under a lock by worker threads.
// SAFETY: @unchecked Sendable: `value` is changed only in `update`, under `lock`; it is read unlocked only after `concurrentPerform` has joined every writer.
final class Box<T>: @unchecked Sendable {
    private(set) var value: T
    private let lock = NSLock()
    init(_ v: T) { value = v }
    func update(_ f: (inout T) -> Void) { lock.lock(); f(&value); lock.unlock() }
}

/// Dirty lines injected on purpose, with the rejection kind each must get.
enum DirtyLines {
    static func make(_ rng: inout SplitMix) -> (String, [UInt8]) {
        switch rng.int(0...5) {
        case 0: return ("invalid_json", Array("{\"ts\":\"2026-01-01T00:00:00Z\",\"account_id\":\"x\"".utf8))
        case 1: return ("blank", [])
        case 2: return ("invalid_utf8", Array("{\"ts\":\"2026-01-01T00:00:00Z\",\"account_id\":\"x\",\"p\":\"".utf8) + [0xC3, 0x28] + Array("\"}".utf8))
        case 3: return ("nul_byte", Array("{\"ts\":\"2026-01-01T00:00:00Z\",\"account_id\":\"x\"}".utf8) + [0])
        case 4: return ("missing_account", Array("{\"ts\":\"2026-01-01T00:00:00Z\",\"schemaType\":\"ModelInvocationLog\",\"startTime\":1}".utf8))
        default: return ("not_object", Array("[1,2,3]".utf8))
        }
    }
}
