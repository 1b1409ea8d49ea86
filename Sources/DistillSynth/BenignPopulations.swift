/// The benign look-alikes of DESIGN.md, each with realistic rhythm and volume.
enum BenignPopulations {
    static func build(_ w: World, _ f: inout AccountFactory, _ rng: inout SplitMix) -> [Behaviour] {
        let n = max(60, w.config.accounts)
        var out: [Behaviour] = []
        let past = w.start - 700 * w.dayMs
        func oldSignup() -> Int64 { past + Int64(rng.unit() * Double(690 * w.dayMs)) }
        func human(_ tz: Int) -> Behaviour.Timing { .diurnal(tz: tz) }

        // Casual chat users: residential or mobile-carrier IPs, some families sharing a card.
        let casualCount = n * 50 / 100
        var familyCard: String?
        var familyLeft = 0
        for _ in 0..<casualCount {
            var card: String? = nil
            if familyLeft > 0, let c = familyCard {
                card = c; familyLeft -= 1
            } else if rng.chance(0.06) {
                familyCard = f.card(); card = familyCard; familyLeft = rng.int(1...3)
            }
            let a = f.make(kind: "benign", group: "casual", population: card == nil ? "casual" : "family", createdAt: oldSignup(), email: f.humanEmail(), payment: card)
            let mobile = rng.chance(0.35)
            let ips = mobile ? [rng.pick(w.carrierNAT), rng.pick(w.carrierNAT)] : [World.residentialIP(&rng)]
            out.append(
                Behaviour(
                    account: mobile ? relabel(a, "mobile_carrier") : a, apiKey: "key_" + rng.hex(8), requestsPerDay: Double(rng.int(1...8)), activeShare: 0.5,
                    timing: human(rng.pick([-8, -5, -3, 0, 1, 2, 3, 5, 8, 9])), ips: ips,
                    userAgent: mobile ? TextPools.browserUAs[rng.int(2...3)] : rng.pick(TextPools.browserUAs),
                    prompts: .casual(foreignShare: rng.chance(0.35) ? 0.9 : 0.05), multiTurnShare: 0.45,
                    maxTokens: [1024, 2048, 4096], output: 40...900))
        }

        // A popular coding client: one long system prompt and tool list for all its users.
        let clientSystem = codingSystemPrompt(&rng)
        let clientTools = ["read_file", "write_file", "run_shell", "search_code", "apply_patch"]
        let clientUA = ("codeclient/\(rng.int(1...3)).\(rng.int(0...9)).\(rng.int(0...20))", rng.hex(32))
        for _ in 0..<(n * 16 / 100) {
            let a = f.make(kind: "benign", group: "coding_client", population: "coding_client", createdAt: oldSignup(), email: f.humanEmail())
            out.append(
                Behaviour(
                    account: a, apiKey: "key_" + rng.hex(8), requestsPerDay: Double(rng.int(5...30)), activeShare: 0.7,
                    timing: human(rng.pick([-8, -5, 0, 1, 2, 5, 8])), ips: [World.residentialIP(&rng)], userAgent: clientUA,
                    prompts: .code, system: clientSystem, tools: clientTools, multiTurnShare: 0.7,
                    maxTokens: [8192, 16384], output: 100...3000, hitLimitShare: 0.03))
        }

        // Universities and offices: hundreds of accounts behind one NAT, a semester-start signup burst, homework with steps.
        let uniDomain = rng.letters(rng.int(4...7)) + rng.pick([".edu", ".ac.uk", ".edu.au", "-uni.de"])
        let uniNAT = [World.residentialIP(&rng), World.residentialIP(&rng)]
        let semesterStart = w.start - Int64(rng.int(0...3)) * w.dayMs + Int64(rng.int(8...10)) * 3_600_000
        for _ in 0..<(n * 12 / 100) {
            let a = f.make(
                kind: "benign", group: "university", population: "university",
                createdAt: semesterStart + Int64(rng.unit() * 36 * 3_600_000), email: f.humanEmail(domain: uniDomain))
            out.append(
                Behaviour(
                    account: a, apiKey: "key_" + rng.hex(8), requestsPerDay: Double(rng.int(1...6)), activeShare: 0.6,
                    timing: human(1), ips: [rng.pick(uniNAT)], userAgent: rng.pick(TextPools.browserUAs),
                    prompts: rng.chance(0.7) ? .homework : .casual(foreignShare: 0.1), multiTurnShare: 0.4,
                    maxTokens: [1024, 2048], output: 80...900))
        }

        // Ordinary customers of the proxy reseller whose pool a campaign also uses.
        for _ in 0..<(n * 8 / 100) {
            let a = f.make(kind: "benign", group: "reseller_customer", population: "reseller_customer", createdAt: oldSignup(), email: f.humanEmail())
            let ips = (0..<rng.int(2...5)).map { _ in rng.pick(w.proxyPool) }
            out.append(
                Behaviour(
                    account: a, apiKey: "key_" + rng.hex(8), requestsPerDay: Double(rng.int(2...10)), activeShare: 0.6,
                    timing: human(rng.pick([-5, 0, 3, 8])), ips: ips, userAgent: rng.pick(TextPools.sdkUAs),
                    prompts: .casual(foreignShare: 0.2), multiTurnShare: 0.3, maxTokens: [1024, 4096], output: 50...1200))
        }

        // Enterprise batch pipelines: one declared org, several keys behind one NAT, one template, short outputs.
        for _ in 0..<max(1, n / 700) {
            let org = "org_" + rng.hex(6)
            let domain = rng.letters(6) + ".com"
            let nat = World.residentialIP(&rng)
            let template = rng.pick([
                "Classify the following support ticket into one of: billing, technical, account, other. Reply with the label only.\nTicket: {ticket}",
                "Extract the product name, order number and sentiment from this message as JSON.\nMessage: {ticket}",
                "Label the intent of this customer message (refund, bug, question, praise). Output one word.\n{ticket}",
            ])
            for _ in 0..<rng.int(3...6) {
                let a = f.make(
                    kind: "benign", group: "enterprise_batch", population: "enterprise_batch", createdAt: oldSignup(),
                    email: f.humanEmail(domain: domain), verified: true, org: org, country: "US")
                out.append(
                    Behaviour(
                        account: a, apiKey: "key_" + rng.hex(8), requestsPerDay: Double(rng.int(300...900)),
                        timing: rng.chance(0.5) ? .uniform : .window(startHour: 13, hours: 10), ips: [nat],
                        userAgent: ("python-requests/2.31.0", rng.hex(32)), prompts: .batch(template),
                        maxTokens: [16, 32, 64], output: 1...12))
            }
        }

        // Evaluation harnesses: a fixed benchmark with "think step by step", re-run in bursts, exact repeats.
        for _ in 0..<max(1, n / 600) {
            let a = f.make(
                kind: "benign", group: "eval_harness", population: "eval_harness", createdAt: oldSignup(),
                email: f.humanEmail(domain: rng.letters(5) + "-lab.org"), verified: rng.chance(0.5))
            let bench = (0..<rng.int(80...200)).map { _ in PromptFactory.fill(rng.pick(TextPools.mathProblems), &rng) + " Let's think step by step." }
            var schedule: [Int64] = []
            for d in 0..<w.config.days where rng.chance(0.5) || d == 0 {
                var t = w.dayStart(d) + Int64(rng.int(0...20)) * 3_600_000
                for _ in bench.indices { schedule.append(t); t += Int64(rng.int(2_000...20_000)) }
            }
            out.append(
                Behaviour(
                    account: a, apiKey: "key_" + rng.hex(8), requestsPerDay: 0, timing: .uniform, ips: [World.subnet(&rng) + ".\(rng.int(2...250))"],
                    userAgent: ("lm-eval-harness/0.4", rng.hex(32)), prompts: .benchmark(bench),
                    maxTokens: [2048], output: 150...700, schedule: schedule))
        }

        // Single-account SaaS automation in the cloud: 24/7, one template, long outputs.
        for _ in 0..<max(1, n / 500) {
            let a = f.make(
                kind: "benign", group: "saas_automation", population: "saas_automation", createdAt: oldSignup(),
                email: f.humanEmail(domain: rng.letters(7) + ".io"), verified: true, org: "org_" + rng.hex(6))
            let template = rng.pick([
                "Write a 400-word SEO product description for {product}. Include a headline, three bullet points and a call to action.",
                "Draft a friendly onboarding email sequence (3 emails) for customers who bought {product}.",
                "Write a detailed blog post comparing {product} models for beginners, with pros and cons.",
            ])
            out.append(
                Behaviour(
                    account: a, apiKey: "key_" + rng.hex(8), requestsPerDay: Double(rng.int(100...300)), timing: .uniform,
                    ips: [World.subnet(&rng) + ".\(rng.int(2...250))"], userAgent: ("node-fetch/1.0", rng.hex(32)),
                    prompts: .batch(template), maxTokens: [2048], output: 700...1900, hitLimitShare: 0.02))
        }
        return out
    }

    static func relabel(_ a: SynthAccount, _ population: String) -> SynthAccount {
        var b = a
        b.population = population
        return b
    }

    static func codingSystemPrompt(_ rng: inout SplitMix) -> String {
        let name = rng.letters(6).capitalized
        var s = "You are \(name), an AI coding assistant running inside the user's editor. "
        let rules = [
            "Always read the relevant files before editing them.", "Prefer small, reviewable patches.", "Never run destructive shell commands without confirmation.",
            "Explain what you changed and why in a short summary.", "Respect the project's existing style and conventions.",
            "When tests exist, run them after every change.", "Use the apply_patch tool for edits; never print whole files.",
            "If a request is ambiguous, ask one clarifying question.", "Keep secrets out of logs and commits.",
        ]
        for _ in 0..<3 { s += rules.joined(separator: " ") + " " }
        return s
    }
}
