/// Campaigns built to evade (issue 14, classes 1–4): a fixed skeleton around a large
/// payload, a 24/7 ring in the same minutes of every hour, camouflage inside ordinary
/// chat, and a farm of paraphrased multilingual instructions. Every parameter is drawn
/// per seed; nothing but behaviour links their accounts (unique cards, residential or
/// fresh proxy IPs, common clients).
enum EvasionCampaigns {
    static func build(_ w: World, _ f: inout AccountFactory, _ rng: inout SplitMix, _ params: inout DrawnParameters, firstID: Int) -> [Behaviour] {
        let n = max(60, w.config.accounts)
        var out: [Behaviour] = []
        var serial = firstID - 1
        func nextID() -> String { serial += 1; return "C\(serial)" }
        func commonClient() -> (String, String) { rng.chance(0.5) ? rng.pick(TextPools.sdkUAs) : rng.pick(TextPools.browserUAs) }

        // 1. Skeleton campaign: headings, a requirements list and a closing instruction in 1–6
        //    wordings around a payload larger than the skeleton; unique residential IPs and cards.
        do {
            let id = nextID()
            let k = Draw.groupSize(&rng, accounts: n)
            let wordings = rng.int(1...6)
            let center = 0.12 + 0.26 * rng.unit()
            let spec = SkeletonFactory.make(&rng, wordings: wordings, shareCenter: center)
            let rate = 8.0...(8.0 + 100 * rng.unit())
            let diurnalTZ: Int? = rng.chance(0.4) ? rng.pick([-5, 1, 3, 8]) : nil
            for _ in 0..<k {
                let a = f.make(kind: "campaign", group: id, population: "skeleton", createdAt: Draw.agedSignup(w, &rng), email: f.humanEmail())
                out.append(
                    Behaviour(
                        account: a, apiKey: "key_" + rng.hex(8), requestsPerDay: Draw.rate(&rng, rate),
                        timing: diurnalTZ.map { .diurnal(tz: $0) } ?? .uniform, ips: [World.residentialIP(&rng)], userAgent: commonClient(),
                        prompts: .skeleton(spec), maxTokens: [8192, 16384], output: 1200...8000, hitLimitShare: 0.05 + 0.25 * rng.unit()))
            }
            params.record(
                id, "skeleton",
                [
                    ("accounts", "\(k)"), ("wordings", "\(spec.wordings.count)"), ("skeleton_share", DrawnParameters.range(spec.share)),
                    ("skeleton_words", DrawnParameters.range(spec.wordings.map(SkeletonSpec.skeletonWords).min()!...spec.wordings.map(SkeletonSpec.skeletonWords).max()!)),
                    ("requests_per_day", DrawnParameters.range(rate)), ("timing", DrawnParameters.text(diurnalTZ == nil ? "uniform" : "diurnal")),
                    ("skeleton_wordings", DrawnParameters.list(spec.wordings)),
                ])
        }

        // 2. Minute-lockstep 24/7 ring: every member fires inside the same few minutes of every hour.
        do {
            let id = nextID()
            let k = Draw.groupSize(&rng, accounts: n)
            let m0 = rng.int(0...59), width = rng.int(2...6)
            let hourShare = 0.35 + 0.6 * rng.unit()
            let perHour = 1...rng.int(1...3)
            let spec = ParaphraseSpec(wordings: InstructionWordings.pick(rng.int(3...10), &rng), humanQuestions: true)
            for _ in 0..<k {
                let a = f.make(kind: "campaign", group: id, population: "lockstep", createdAt: Draw.agedSignup(w, &rng), email: f.humanEmail())
                out.append(
                    Behaviour(
                        account: a, apiKey: "key_" + rng.hex(8), requestsPerDay: 0,
                        timing: .lockstep(startMinute: m0, width: width, hourShare: hourShare, perHour: perHour), ips: [World.residentialIP(&rng)],
                        userAgent: rng.pick(TextPools.sdkUAs), prompts: .paraphrase(spec), maxTokens: [4096, 8192, 16384], output: 900...7000, hitLimitShare: 0.15))
            }
            params.record(
                id, "lockstep",
                [
                    ("accounts", "\(k)"), ("start_minute", "\(m0)"), ("width_minutes", "\(width)"), ("hour_share", DrawnParameters.num(hourShare)),
                    ("requests_per_active_hour", DrawnParameters.range(perHour)), ("wordings", "\(spec.wordings.count)"),
                ])
        }

        // 3. Camouflage: 50–70 % ordinary multi-turn chat, the rest extraction sent by a shared
        //    scheduler; each account its own common client, a fresh proxy IP per request.
        do {
            let id = nextID()
            let k = Draw.groupSize(&rng, accounts: n)
            let center = 0.55 + 0.10 * rng.unit()
            let shares = (center - 0.05)...(center + 0.05)
            let extraction: Behaviour.Prompts
            let style: String
            if rng.chance(0.5) {
                style = "templates"
                extraction = .templates(
                    [
                        PromptFactory.campaignTemplate(rng.pick(["reasoning", "textbook", "grading"]), &rng),
                        PromptFactory.campaignTemplate(rng.pick(["reasoning", "textbook"]), &rng),
                    ], ordinaryShare: 0)
            } else {
                style = "paraphrase"
                extraction = .paraphrase(ParaphraseSpec(wordings: InstructionWordings.pick(rng.int(5...15), &rng), humanQuestions: false))
            }
            let m0 = rng.int(0...59), width = rng.int(4...15)
            let rate = 15.0...(15.0 + 60 * rng.unit())
            for _ in 0..<k {
                let a = f.make(kind: "campaign", group: id, population: "camouflage", createdAt: Draw.agedSignup(w, &rng), email: f.humanEmail())
                let share = shares.lowerBound + rng.unit() * (shares.upperBound - shares.lowerBound)
                out.append(
                    Behaviour(
                        account: a, apiKey: "key_" + rng.hex(8), requestsPerDay: Draw.rate(&rng, rate), timing: .minutes(startMinute: m0, width: width),
                        ips: [], userAgent: commonClient(), prompts: .camouflage(extraction: extraction, ordinaryShare: share),
                        maxTokens: [8192, 16384], output: 1500...8000, hitLimitShare: 0.2, freshIPPerRequest: true,
                        ordinaryTiming: .diurnal(tz: rng.pick([-8, -5, 0, 1, 2, 3, 8, 9]))))
            }
            params.record(
                id, "camouflage",
                [
                    ("accounts", "\(k)"), ("ordinary_share", DrawnParameters.range(shares)), ("extraction", DrawnParameters.text(style)),
                    ("scheduler_start_minute", "\(m0)"), ("scheduler_width_minutes", "\(width)"), ("requests_per_day", DrawnParameters.range(rate)),
                ])
        }

        // 4. Paraphrase farm: real questions inside 15–40 instruction wordings in several languages,
        //    single-turn, long outputs.
        do {
            let id = nextID()
            let k = Draw.groupSize(&rng, accounts: n)
            let spec = ParaphraseSpec(wordings: InstructionWordings.pick(rng.int(15...40), &rng), humanQuestions: true)
            let rate = 10.0...(10.0 + 110 * rng.unit())
            for _ in 0..<k {
                let a = f.make(kind: "campaign", group: id, population: "paraphrase_farm", createdAt: Draw.agedSignup(w, &rng), email: f.humanEmail())
                out.append(
                    Behaviour(
                        account: a, apiKey: "key_" + rng.hex(8), requestsPerDay: Draw.rate(&rng, rate), timing: .uniform,
                        ips: (0..<rng.int(1...3)).map { _ in World.residentialIP(&rng) }, userAgent: rng.pick(TextPools.sdkUAs),
                        prompts: .paraphrase(spec), maxTokens: [8192, 16384, 32000], output: 2000...9000, hitLimitShare: 0.1 + 0.2 * rng.unit()))
            }
            params.record(
                id, "paraphrase_farm",
                [
                    ("accounts", "\(k)"), ("wordings", "\(spec.wordings.count)"), ("requests_per_day", DrawnParameters.range(rate)),
                ])
        }
        return out
    }
}
