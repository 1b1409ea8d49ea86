import Foundation
import Testing

@testable import DistillSynth

/// The populations of issue 14 (skeleton, minute lockstep, camouflage, paraphrase farm,
/// shared public template, lab benchmark, translation company) exist with the mechanisms
/// they promise, over several seeds; their parameters are drawn per seed over wide ranges.
@Suite("wider synthetic populations")
struct PopulationTests {
    /// A small world's events, grouped by population.
    struct Corpus {
        var config: SynthConfig
        var world: World
        var behaviours: [Behaviour]
        var parameters: DrawnParameters
        var events: [String: [SynthEvent]]  // by population
        var populationOf: [String: String]  // account id → population

        init(seed: UInt64, accounts: Int = 500, days: Int = 2, format: SynthConfig.Format = .canonical, human: [String] = []) {
            var c = SynthConfig()
            c.seed = seed; c.accounts = accounts; c.days = days; c.format = format; c.humanPrompts = human
            config = c
            (world, behaviours, parameters) = CorpusWriter.plan(c)
            populationOf = Dictionary(uniqueKeysWithValues: behaviours.map { ($0.account.id, $0.account.population) })
            let generator = EventGenerator(world: world)
            var byPop: [String: [SynthEvent]] = [:]
            for d in 0..<days { for e in generator.events(day: d, behaviours: behaviours) { byPop[populationOf[e.account]!, default: []].append(e) } }
            events = byPop
        }

        func parameters(_ population: String) -> [String: String] {
            Dictionary(uniqueKeysWithValues: parameters.entries.first { $0.population == population }!.values.map { ($0.0, $0.1) })
        }
        func accounts(_ population: String) -> [Behaviour] { behaviours.filter { $0.account.population == population } }
    }

    /// The corpora the per-seed tests share (built once).
    static let corpora: [UInt64: Corpus] = Dictionary(uniqueKeysWithValues: ([3, 21, 58] as [UInt64]).map { ($0, Corpus(seed: $0, days: 3)) })

    static func numbers(_ json: String) -> [Double] {
        json.trimmingCharacters(in: CharacterSet(charactersIn: "[]")).split(separator: ",").map { Double($0.trimmingCharacters(in: .whitespaces))! }
    }

    @Test(arguments: [3, 21, 58] as [UInt64])
    func skeletonPromptsAreAFixedSkeletonAroundALargerPayload(_ seed: UInt64) throws {
        let c = Self.corpora[seed]!
        guard case .skeleton(let spec) = try #require(c.accounts("skeleton").first).prompts else { Issue.record("not a skeleton"); return }
        #expect((1...6).contains(spec.wordings.count))
        #expect(spec.share.lowerBound >= 0.10 && spec.share.upperBound <= 0.40)
        let p = c.parameters("skeleton")
        #expect(Self.numbers(p["skeleton_share"]!) == [spec.share.lowerBound, spec.share.upperBound].map { ($0 * 1000).rounded() / 1000 })
        let events = try #require(c.events["skeleton"])
        #expect(events.count > 20)
        for e in events {
            #expect(e.turns.count == 1)
            let prompt = e.turns[0]
            // Exactly one wording's fixed parts frame the prompt, and they are 10–40 % of its words.
            let matching = spec.wordings.filter { w in
                let parts = w.components(separatedBy: "{task}").flatMap { $0.components(separatedBy: "{context}") }
                return prompt.hasPrefix(parts[0]) && prompt.contains(parts[1]) && prompt.hasSuffix(parts[2])
            }
            let wording = try #require(matching.first, "no wording frames \(prompt.prefix(80))")
            let share = Double(SkeletonSpec.skeletonWords(wording)) / Double(SkeletonSpec.words(prompt))
            #expect(share >= spec.share.lowerBound - 0.01 && share <= spec.share.upperBound + 0.01, "share \(share) outside \(spec.share)")
        }
        // Unique cards and one residential IP per account: nothing but the prompts links them.
        let members = c.accounts("skeleton")
        #expect(Set(members.map(\.account.payment)).count == members.count)
        #expect(Set(members.flatMap(\.ips)).count == members.count)
    }

    @Test(arguments: [3, 21, 58] as [UInt64])
    func lockstepMembersFireInsideTheSameMinutesOfEveryHour(_ seed: UInt64) throws {
        let c = Self.corpora[seed]!
        let p = c.parameters("lockstep")
        let m0 = Int(p["start_minute"]!)!, width = Int(p["width_minutes"]!)!
        #expect((0...59).contains(m0) && (2...6).contains(width))
        let window = Set((0..<width).map { (m0 + $0) % 60 })
        let events = try #require(c.events["lockstep"])
        for e in events { #expect(window.contains(Int((e.ts / 60_000) % 60)), "minute \((e.ts / 60_000) % 60) outside \(window.sorted())") }
        // Around the clock: the ring as a whole is active in every hour of the day.
        #expect(Set(events.map { ($0.ts / 3_600_000) % 24 }).count == 24)
        let perAccount = Dictionary(grouping: events, by: \.account)
        #expect(perAccount.values.allSatisfy { Set($0.map { ($0.ts / 3_600_000) % 24 }).count >= 8 })
    }

    @Test(arguments: [3, 21, 58] as [UInt64])
    func camouflageAccountsAreMostlyOrdinaryChatWithFreshIPs(_ seed: UInt64) throws {
        let c = Self.corpora[seed]!
        let range = Self.numbers(c.parameters("camouflage")["ordinary_share"]!)
        #expect(range[0] >= 0.5 - 1e-9 && range[1] <= 0.7 + 1e-9)
        let events = try #require(c.events["camouflage"])
        // Ordinary chat is multi-turn; extraction is single-turn.
        let ordinary = events.filter { $0.turns.count > 1 }.count
        let share = Double(ordinary) / Double(events.count)
        #expect(share >= 0.5 && share <= 0.7, "ordinary share \(share)")
        for (_, es) in Dictionary(grouping: events, by: \.account) where es.count >= 60 {
            let s = Double(es.filter { $0.turns.count > 1 }.count) / Double(es.count)
            #expect(s >= 0.35 && s <= 0.85, "account ordinary share \(s)")
            #expect(Set(es.compactMap(\.userAgent)).count == 1)
        }
        let common = Set((TextPools.sdkUAs + TextPools.browserUAs).map(\.0))
        #expect(events.allSatisfy { common.contains($0.userAgent ?? "") })
        if c.world.variant.withIPs {
            #expect(Double(Set(events.compactMap(\.ip)).count) >= 0.97 * Double(events.count))
        } else {
            #expect(events.allSatisfy { $0.ip == nil })
        }
    }

    @Test(arguments: [3, 21, 58] as [UInt64])
    func paraphraseFarmUsesManyWordingsInSeveralLanguages(_ seed: UInt64) throws {
        let c = Self.corpora[seed]!
        guard case .paraphrase(let spec) = try #require(c.accounts("paraphrase_farm").first).prompts else { Issue.record("not a paraphrase farm"); return }
        #expect((15...40).contains(spec.wordings.count))
        let languages = Set(InstructionWordings.all.filter { spec.wordings.contains($0.text) }.map(\.language))
        #expect(languages.count >= 3)
        let events = try #require(c.events["paraphrase_farm"])
        #expect(events.allSatisfy { $0.turns.count == 1 && $0.maxTokens >= 8192 })
        let used = Set(
            events.compactMap { e in
                spec.wordings.firstIndex { w in
                    let parts = w.components(separatedBy: "{q}")
                    return e.turns[0].hasPrefix(parts[0]) && e.turns[0].hasSuffix(parts[1])
                }
            })
        #expect(used.count >= min(spec.wordings.count, events.count / 10))
    }

    @Test(arguments: [3, 21, 58] as [UInt64])
    func benignAutomationLooksCoordinatedButIsIndependentOrDeclared(_ seed: UInt64) throws {
        let c = Self.corpora[seed]!
        // Shared public template: one template text in every request, independent customers.
        let sdk = c.accounts("sdk_template")
        #expect(sdk.count >= 8)
        #expect(Set(sdk.map(\.account.payment)).count == sdk.count)
        #expect(Set(sdk.map { $0.account.email.split(separator: "@").last! }).count == sdk.count)
        #expect(Set(sdk.map(\.account.createdAt)).count == sdk.count)
        #expect(Set(sdk.map { $0.userAgent!.0 }).count == 1)
        let template = AutomationText.publicTemplates[Int(c.parameters("sdk_template")["template"]!)!]
        let head = String(template.prefix { $0 != "{" })
        let sdkEvents = try #require(c.events["sdk_template"])
        #expect(sdkEvents.allSatisfy { $0.turns.last!.hasPrefix(head) && !$0.turns.last!.lowercased().contains("step by step") })
        #expect(sdkEvents.allSatisfy { $0.stopReason == "max_tokens" || $0.outputTokens <= 1500 })
        #expect(Set(sdkEvents.map { ($0.ts / 3_600_000) % 24 }).count == 24)
        // A lab's benchmark: one org, every account sends the same fixed questions verbatim, short answers.
        let lab = c.accounts("lab_benchmark")
        #expect(lab.count >= 3 && lab.count <= 20)
        #expect(Set(lab.map(\.account.org)).count == 1 && Set(lab.map(\.account.verified)).count == 1)
        let labEvents = try #require(c.events["lab_benchmark"])
        let promptsByAccount = Dictionary(grouping: labEvents, by: \.account).mapValues { Set($0.map { $0.turns.last! }) }
        #expect(promptsByAccount.count == lab.count)
        guard case .benchmark(let questions) = lab[0].prompts else { Issue.record("not a benchmark"); return }
        for (_, ps) in promptsByAccount { #expect(ps == Set(questions)) }
        #expect(labEvents.allSatisfy { $0.outputTokens <= 300 && $0.turns.last!.lowercased().contains("step") })
        // A verified translation company: one org, batch translations.
        let tr = c.accounts("translation_company")
        #expect(tr.count >= 3 && Set(tr.map(\.account.org)).count == 1 && tr.allSatisfy { $0.account.verified })
        #expect(try #require(c.events["translation_company"]).allSatisfy { $0.turns.last!.hasPrefix("Translate the following text") })
    }

    @Test func parametersAreDrawnPerSeedOverWideRanges() {
        var sizes: [Int] = [], shares: [Double] = [], skeletonWordings = Set<Int>(), farmWordings: [Int] = [], camouflage: [Double] = []
        var ips = Set<Bool>(), seconds = Set<Bool>(), epoch = Set<Bool>(), windows = Set<Int>()
        for seed in 1...40 as ClosedRange<UInt64> {
            var cfg = SynthConfig()
            cfg.seed = seed; cfg.accounts = 2400
            let (world, behaviours, params) = CorpusWriter.plan(cfg)
            ips.insert(world.variant.withIPs); seconds.insert(world.variant.wholeSeconds); epoch.insert(world.variant.epochTimestamps)
            for p in ["skeleton", "lockstep", "camouflage", "paraphrase_farm"] {
                let n = behaviours.filter { $0.account.population == p }.count
                #expect((3...300).contains(n)); sizes.append(n)
            }
            let values = { (pop: String) in Dictionary(uniqueKeysWithValues: params.entries.first { $0.population == pop }!.values.map { ($0.0, $0.1) }) }
            shares += Self.numbers(values("skeleton")["skeleton_share"]!)
            skeletonWordings.insert(Int(values("skeleton")["wordings"]!)!)
            farmWordings.append(Int(values("paraphrase_farm")["wordings"]!)!)
            camouflage += Self.numbers(values("camouflage")["ordinary_share"]!)
            windows.insert(Int(values("lockstep")["start_minute"]!)!)
        }
        #expect(sizes.min()! <= 8 && sizes.max()! >= 150)
        #expect(shares.min()! <= 0.15 && shares.max()! >= 0.35 && shares.allSatisfy { $0 >= 0.10 && $0 <= 0.40 })
        #expect(skeletonWordings.contains(1) && skeletonWordings.count >= 4)
        #expect(farmWordings.min()! <= 20 && farmWordings.max()! >= 35)
        #expect(camouflage.min()! >= 0.5 - 1e-9 && camouflage.max()! <= 0.7 + 1e-9 && camouflage.max()! - camouflage.min()! >= 0.15)
        #expect(ips == [true, false] && seconds == [true, false] && epoch == [true, false])
        #expect(windows.count >= 20)
    }

    @Test(arguments: [5, 6, 7, 8] as [UInt64])
    func logVariantsAreApplied(_ seed: UInt64) throws {
        let c = Corpus(seed: seed, accounts: 200, days: 1, format: .bedrock)
        let all = c.events.values.flatMap { $0 }
        if c.world.variant.wholeSeconds { #expect(all.allSatisfy { $0.ts % 1000 == 0 }) }
        // Bedrock logs never carry IPs, and accountId is the log owner on every record (not an organisation).
        #expect(all.allSatisfy { $0.ip == nil })
        let owners = Set(
            all.prefix(500).map { e -> String in
                let line = EventWriter.line(e, format: .bedrock, variant: c.world.variant)
                let o = try! JSONSerialization.jsonObject(with: Data(line.utf8)) as! [String: Any]
                return o["accountId"] as! String
            })
        #expect(owners == [c.world.variant.logOwner])
        let canonical = EventWriter.line(all[0], format: .canonical, variant: c.world.variant)
        let ts = (try JSONSerialization.jsonObject(with: Data(canonical.utf8)) as! [String: Any])["ts"]
        #expect(c.world.variant.epochTimestamps ? ts is NSNumber : ts is String)
    }

    @Test func humanPromptsFeedOrdinaryUsersAndDatasetReplay() throws {
        let human = (0..<300).map { "real prompt number \($0) about something" }
        let c = Corpus(seed: 9, accounts: 200, days: 1, human: human)
        let pool = Set(human)
        #expect(try #require(c.events["casual"]).allSatisfy { pool.contains($0.turns.last!) })
        #expect(try #require(c.events["dataset_replay"]).allSatisfy { pool.contains($0.turns.last!) })
        let camouflageChat = try #require(c.events["camouflage"]).filter { $0.turns.count > 1 }
        #expect(camouflageChat.allSatisfy { pool.contains($0.turns.last!) })
    }

    @Test func humanPromptFilesAreReadAsJSONLinesOrText() throws {
        let dir = NSTemporaryDirectory() + "ds-hp-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let jsonl = dir + "/p.jsonl", text = dir + "/p.txt", empty = dir + "/e.txt"
        try "{\"prompt\": \"what is rain?\"}\n\n{\"text\": \"¿por qué?\"}\n{\"other\": 1}\n{\"prompt\": \"what is rain?\"}\n\"quoted line\"\n".write(toFile: jsonl, atomically: true, encoding: .utf8)
        try "first prompt\r\nsecond prompt\n\n".write(toFile: text, atomically: true, encoding: .utf8)
        try "\n\n".write(toFile: empty, atomically: true, encoding: .utf8)
        #expect(try HumanPrompts.load(path: jsonl) == ["what is rain?", "¿por qué?", "quoted line"])
        #expect(try HumanPrompts.load(path: text) == ["first prompt", "second prompt"])
        #expect(throws: HumanPrompts.Unreadable.self) { try HumanPrompts.load(path: empty) }
        #expect(throws: HumanPrompts.Unreadable.self) { try HumanPrompts.load(path: dir + "/missing") }
    }

    @Test func aCorpusWithoutTheAccountsFileSaysSoInItsTruth() throws {
        let dir = NSTemporaryDirectory() + "ds-noacc-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: dir) }
        var c = SynthConfig()
        c.seed = 4; c.accounts = 100; c.days = 1; c.writeAccountsFile = false
        _ = try CorpusWriter.write(c, to: dir)
        #expect(!FileManager.default.fileExists(atPath: dir + "/accounts.jsonl"))
        let t = try JSONSerialization.jsonObject(with: FileManager.default.contents(atPath: dir + "/truth.json")!) as! [String: Any]
        #expect((t["logs"] as! [String: Any])["accounts_file"] as? Bool == false)
        let styles = Set((t["campaigns"] as! [[String: Any]]).map { $0["style"] as! String })
        #expect(styles.isSuperset(of: ["skeleton", "lockstep", "camouflage", "paraphrase_farm"]))
        let populations = Set((t["accounts"] as! [String: [String: Any]]).values.map { $0["population"] as! String })
        #expect(populations.isSuperset(of: ["sdk_template", "lab_benchmark", "translation_company"]))
        #expect(Set((t["populations"] as! [String: Any]).keys) == ["sdk_template", "lab_benchmark", "translation_company"])
    }
}
