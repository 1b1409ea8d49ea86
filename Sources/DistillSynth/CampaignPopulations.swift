/// The campaign styles of the threat model; sizes and specifics vary with the seed.
enum CampaignPopulations {
    static func build(_ w: World, _ f: inout AccountFactory, _ rng: inout SplitMix) -> [Behaviour] {
        let n = max(60, w.config.accounts)
        var out: [Behaviour] = []
        var serial = 0
        func nextID() -> String { serial += 1; return "C\(serial)" }
        func size(_ base: Int) -> Int { max(3, Int(Double(base) * (0.7 + 0.6 * rng.unit()))) }
        func throwaway() -> String { rng.letters(rng.int(5...9)) + String(rng.int(10...9999)) + "@" + rng.pick(w.throwawayDomains) }
        let days = w.config.days
        let end = w.dayStart(days)

        // 1. Hydra cluster on a rotating residential proxy pool, throwaway emails, signup bursts,
        //    shared prepaid cards, ordinary requests mixed in, pivot to the new model within hours.
        do {
            let id = nextID()
            let templates = [PromptFactory.campaignTemplate("reasoning", &rng), PromptFactory.campaignTemplate("textbook", &rng)]
            let cards = (0..<rng.int(3...5)).map { _ in f.card() }
            let bursts = (0..<rng.int(3...4)).map { _ in w.start - Int64(rng.int(1...20)) * w.dayMs + Int64(rng.int(0...23)) * 3_600_000 }
            let ua = rng.pick(TextPools.sdkUAs)
            for _ in 0..<size(n / 10) {
                let a = f.make(
                    kind: "campaign", group: id, population: "hydra", createdAt: rng.pick(bursts) + Int64(rng.int(0...2400)) * 1000,
                    email: throwaway(), payment: rng.chance(0.4) ? rng.pick(cards) : nil)
                let from = w.start + Int64(rng.unit() * Double(max(1, days - 1)) * Double(w.dayMs))
                out.append(
                    Behaviour(
                        account: a, apiKey: "key_" + rng.hex(8), requestsPerDay: Double(rng.int(20...45)),
                        activeFrom: from, activeUntil: from + Int64(rng.int(2...4)) * w.dayMs, timing: .uniform, ips: [],
                        rotatingPool: w.proxyPool, userAgent: ua, prompts: .templates(templates, ordinaryShare: 0.2),
                        maxTokens: [8192, 16384], output: 1200...8000, hitLimitShare: 0.3, eagerModel: true))
            }
        }

        // 2. Synchronized reasoning-extraction ring from one datacenter subnet: CoT, grading, safe rewrites.
        do {
            let id = nextID()
            let subnet = World.subnet(&rng)
            let templates = [PromptFactory.campaignTemplate("reasoning", &rng), PromptFactory.campaignTemplate("grading", &rng), PromptFactory.campaignTemplate("rewrite", &rng)]
            let startHour = rng.int(0...23)
            let ua = ("httpx/0.\(rng.int(20...28)).\(rng.int(0...9)) custom-\(rng.letters(4))", rng.hex(32))
            let cards = [f.card(), f.card()]
            let created = w.start - Int64(rng.int(5...40)) * w.dayMs
            for _ in 0..<size(25) {
                let a = f.make(
                    kind: "campaign", group: id, population: "reasoning_ring", createdAt: created + Int64(rng.int(0...5000)) * 1000,
                    email: f.humanEmail(), payment: rng.pick(cards))
                out.append(
                    Behaviour(
                        account: a, apiKey: "key_" + rng.hex(8), requestsPerDay: Double(rng.int(50...90)),
                        timing: .window(startHour: startHour, hours: rng.int(6...8)), ips: ["\(subnet).\(rng.int(2...250))"],
                        userAgent: ua, prompts: .templates(templates, ordinaryShare: 0), maxTokens: [16000, 32000], output: 2500...16000, hitLimitShare: 0.25))
            }
        }

        // 3. Agentic / tool-use campaign on bought aged accounts that looked normal before switching.
        do {
            let id = nextID()
            let templates = [PromptFactory.campaignTemplate("agentic", &rng), PromptFactory.campaignTemplate("agentic", &rng)]
            let tools = ["browser_open", "browser_click", "python_exec", "file_write", "search_web", "send_email"].shuffled(using: &rng)
            let switchAt = w.start + Int64(max(1, days / 3)) * w.dayMs + Int64(rng.int(0...12)) * 3_600_000
            let ua = rng.pick(TextPools.sdkUAs)
            for _ in 0..<size(18) {
                let a = f.make(kind: "campaign", group: id, population: "agentic_aged", createdAt: w.start - Int64(rng.int(300...900)) * w.dayMs, email: f.humanEmail())
                out.append(
                    Behaviour(
                        account: a, apiKey: "key_" + rng.hex(8), requestsPerDay: Double(rng.int(60...110)), timing: .uniform,
                        ips: [World.residentialIP(&rng), World.residentialIP(&rng)], userAgent: ua,
                        prompts: .templates(templates, ordinaryShare: 0.05),
                        before: (prompts: .casual(foreignShare: 0.1), requestsPerDay: 2, switchAt: switchAt),
                        tools: Array(tools.prefix(rng.int(3...6))), maxTokens: [8192, 16384], output: 1500...9000, hitLimitShare: 0.2))
            }
        }

        // 4. Low-and-slow ring: unique IPs and cards; only a shared template, a round-robin schedule and a signup burst.
        do {
            let id = nextID()
            let templates = [PromptFactory.campaignTemplate(rng.pick(["reasoning", "textbook"]), &rng)]
            let burst = w.start - Int64(rng.int(30...90)) * w.dayMs + Int64(rng.int(0...23)) * 3_600_000
            let k = size(30)
            let period = Int64(rng.int(2...5)) * 60_000
            var accounts: [SynthAccount] = []
            for _ in 0..<k {
                accounts.append(f.make(kind: "campaign", group: id, population: "low_and_slow", createdAt: burst + Int64(rng.int(0...3000)) * 1000, email: f.humanEmail()))
            }
            var schedules = Array(repeating: [Int64](), count: k)
            var t = w.start + Int64(rng.int(0...3600)) * 1000
            var i = 0
            while t < end {
                schedules[i % k].append(t + Int64(rng.int(0...20)) * 1000)
                i += 1
                t += period
            }
            for j in 0..<k {
                out.append(
                    Behaviour(
                        account: accounts[j], apiKey: "key_" + rng.hex(8), requestsPerDay: 0, timing: .uniform,
                        ips: [World.residentialIP(&rng)], userAgent: rng.pick(TextPools.sdkUAs), prompts: .templates(templates, ordinaryShare: 0),
                        maxTokens: [4096, 8192], output: 900...4000, hitLimitShare: 0.15, schedule: schedules[j]))
            }
        }

        // 5. Sequential relay: one fresh account at a time, burned within hours, same template and pool.
        do {
            let id = nextID()
            let templates = [PromptFactory.campaignTemplate("reasoning", &rng)]
            let ua = rng.pick(TextPools.sdkUAs)
            var t = w.start + Int64(rng.int(0...6)) * 3_600_000
            while t < end - 3_600_000 {
                let life = Int64(rng.int(4...8)) * 3_600_000
                let a = f.make(kind: "campaign", group: id, population: "relay", createdAt: t - Int64(rng.int(600...7200)) * 1000, email: throwaway())
                out.append(
                    Behaviour(
                        account: a, apiKey: "key_" + rng.hex(8), requestsPerDay: Double(rng.int(300...500)), activeFrom: t, activeUntil: t + life,
                        timing: .uniform, ips: [], rotatingPool: Array(w.proxyPool.prefix(w.proxyPool.count / 3)), userAgent: ua,
                        prompts: .templates(templates, ordinaryShare: 0), maxTokens: [8192], output: 1500...8000, hitLimitShare: 0.3))
                t += life + Int64(rng.int(1...15)) * 60_000
            }
        }

        // 6. Dataset replay: no template, varied human prompts at scale, single-turn, long outputs.
        do {
            let id = nextID()
            let domain = rng.pick(w.throwawayDomains)
            let burst = w.start - Int64(rng.int(2...10)) * w.dayMs
            let subnet = World.subnet(&rng)
            for _ in 0..<size(20) {
                let a = f.make(
                    kind: "campaign", group: id, population: "dataset_replay", createdAt: burst + Int64(rng.int(0...4000)) * 1000,
                    email: rng.letters(8) + String(rng.int(10...99)) + "@" + domain)
                out.append(
                    Behaviour(
                        account: a, apiKey: "key_" + rng.hex(8), requestsPerDay: Double(rng.int(80...140)), timing: .uniform,
                        ips: ["\(subnet).\(rng.int(2...250))", "\(subnet).\(rng.int(2...250))"], userAgent: rng.pick(TextPools.sdkUAs),
                        prompts: .dataset, maxTokens: [8192, 16384], output: 1500...9000, hitLimitShare: 0.3))
            }
        }

        // 7. A campaign whose prompts are in a script without spaces.
        do {
            let id = nextID()
            let templates = [PromptFactory.campaignTemplate("cjk", &rng), PromptFactory.campaignTemplate("cjk", &rng)]
            let subnet = World.subnet(&rng)
            let ua = ("aiohttp/3.\(rng.int(8...10)).\(rng.int(0...5))", rng.hex(32))
            let created = w.start - Int64(rng.int(3...30)) * w.dayMs
            for _ in 0..<size(18) {
                let a = f.make(
                    kind: "campaign", group: id, population: "cjk", createdAt: created + Int64(rng.int(0...20_000)) * 1000,
                    email: f.humanEmail(domain: rng.pick(["qq.com", "163.com"])), country: "CN")
                out.append(
                    Behaviour(
                        account: a, apiKey: "key_" + rng.hex(8), requestsPerDay: Double(rng.int(40...80)), timing: .window(startHour: rng.int(0...23), hours: 12),
                        ips: ["\(subnet).\(rng.int(2...250))"], userAgent: ua, prompts: .templates(templates, ordinaryShare: 0.05),
                        maxTokens: [8192], output: 1500...8000, hitLimitShare: 0.25))
            }
        }

        // 8. A small obvious ring: one IP, one card, one template.
        do {
            let id = nextID()
            let templates = [PromptFactory.campaignTemplate("grading", &rng)]
            let ip = World.residentialIP(&rng)
            let card = f.card()
            for _ in 0..<rng.int(4...6) {
                let a = f.make(kind: "campaign", group: id, population: "small_ring", createdAt: w.start - Int64(rng.int(1...3)) * w.dayMs, email: throwaway(), payment: card)
                out.append(
                    Behaviour(
                        account: a, apiKey: "key_" + rng.hex(8), requestsPerDay: Double(rng.int(30...60)), timing: .uniform, ips: [ip],
                        userAgent: rng.pick(TextPools.sdkUAs), prompts: .templates(templates, ordinaryShare: 0), maxTokens: [8192], output: 800...4000, hitLimitShare: 0.2))
            }
        }
        return out
    }
}
