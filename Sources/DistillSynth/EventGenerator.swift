/// Turns behaviours into the requests of one day.
struct EventGenerator {
    let world: World

    func events(day d: Int, behaviours: [Behaviour]) -> [SynthEvent] {
        var out: [SynthEvent] = []
        let dayStart = world.dayStart(d), dayEnd = world.dayStart(d + 1)
        for (index, b) in behaviours.enumerated() {
            var rng = SplitMix(seed: world.config.seed, [2, UInt64(d), UInt64(index)])
            if let schedule = b.schedule {
                for (position, t) in schedule.enumerated() where t >= dayStart && t < dayEnd {
                    if case .benchmark(let qs) = b.prompts {
                        // Bursts walk the benchmark in order, so every run repeats it exactly.
                        out.append(make(b, ts: t, prompts: .batch(qs[position % qs.count]), &rng))
                    } else {
                        out.append(make(b, ts: t, prompts: b.prompts, &rng))
                    }
                }
                continue
            }
            let from = max(dayStart, b.activeFrom ?? dayStart), until = min(dayEnd, b.activeUntil ?? dayEnd)
            if case .lockstep(let m0, let width, let hourShare, let perHour) = b.timing {
                // Every hour of the day, inside the ring's minutes.
                guard until > from else { continue }
                var h = dayStart
                while h < dayEnd {
                    if rng.chance(hourShare) {
                        for _ in 0..<rng.int(perHour) {
                            let offset = (Int64(m0) * 60_000 + Int64(rng.unit() * Double(width) * 60_000)) % 3_600_000
                            let t = h + offset
                            if t >= from && t < until { out.append(make(b, ts: t, prompts: b.prompts, &rng)) }
                        }
                    }
                    h += 3_600_000
                }
                continue
            }
            guard rng.chance(b.activeShare) else { continue }
            guard until > from else { continue }
            let fraction = Double(until - from) / Double(world.dayMs)
            var rate = b.requestsPerDay
            var prompts = b.prompts
            if let before = b.before, dayEnd <= before.switchAt { rate = before.requestsPerDay; prompts = before.prompts }
            let count = rng.poisson(rate * fraction * world.config.volume)
            for _ in 0..<count {
                var p = prompts
                var timing = b.timing
                var ordinaryChat = false
                if case .camouflage(let extraction, let share) = p {
                    ordinaryChat = rng.chance(share)
                    p = extraction
                    if ordinaryChat, let o = b.ordinaryTiming { timing = o }
                }
                var t: Int64
                switch timing {
                case .diurnal(let tz): t = world.diurnal(d, tz: tz, &rng)
                case .uniform, .lockstep: t = from + Int64(rng.unit() * Double(until - from))
                case .window(let h, let len): t = dayStart + Int64(h) * 3_600_000 + Int64(rng.unit() * Double(len) * 3_600_000)
                case .minutes(let m0, let width):
                    let hour = from / 3_600_000 * 3_600_000 + Int64(rng.int(0...Int((until - from) / 3_600_000))) * 3_600_000
                    t = hour + (Int64(m0) * 60_000 + Int64(rng.unit() * Double(width) * 60_000)) % 3_600_000
                    if t < from || t >= until { t = from + (Int64(m0) * 60_000 + Int64(rng.unit() * Double(width) * 60_000)) % 3_600_000 }
                }
                if t < from || t >= until {
                    if case .minutes = timing { continue }
                    t = from + Int64(rng.unit() * Double(until - from))
                }
                if let before = b.before, t < before.switchAt { p = before.prompts }
                out.append(make(b, ts: t, prompts: p, switched: b.before.map { t >= $0.switchAt } ?? true, ordinaryChat: ordinaryChat, &rng))
            }
        }
        out.sort { ($0.ts, $0.requestID) < ($1.ts, $1.requestID) }
        return out
    }

    /// A real human prompt when the corpus has them, else one from the casual pool.
    func humanOrCasual(_ rng: inout SplitMix, foreign: Double) -> String {
        let pool = world.config.humanPrompts
        if !pool.isEmpty { return rng.pick(pool) }
        return PromptFactory.casual(&rng, foreign: rng.chance(foreign))
    }

    /// A question: a human prompt (when the corpus has them and `human` allows) or one from the pool.
    func question(_ rng: inout SplitMix, human: Bool) -> String {
        let pool = world.config.humanPrompts
        if human, !pool.isEmpty, rng.chance(0.6) { return rng.pick(pool) }
        return QuestionPool.question(&rng)
    }

    func make(_ b: Behaviour, ts ts0: Int64, prompts: Behaviour.Prompts, switched: Bool = true, ordinaryChat: Bool = false, _ rng: inout SplitMix) -> SynthEvent {
        let ts = world.variant.wholeSeconds ? ts0 - ((ts0 % 1000) + 1000) % 1000 : ts0
        var prompt: String
        var ordinary = ordinaryChat
        var outputRange = b.output
        let multiTurn = ordinaryChat ? 1.0 : b.multiTurnShare
        if ordinaryChat {
            prompt = humanOrCasual(&rng, foreign: 0.15)
        } else {
            switch prompts {
            case .casual(let foreign): prompt = humanOrCasual(&rng, foreign: foreign)
            case .code: prompt = PromptFactory.code(&rng)
            case .homework: prompt = PromptFactory.homework(&rng)
            case .dataset:
                let pool = world.config.humanPrompts
                prompt = pool.isEmpty ? PromptFactory.datasetPrompt(&rng) : rng.pick(pool)
            case .templates(let ts, let share):
                if rng.chance(share) { prompt = PromptFactory.casual(&rng, foreign: false); ordinary = true } else { prompt = PromptFactory.instantiate(rng.pick(ts), &rng) }
            case .benchmark(let qs): prompt = rng.pick(qs)
            case .batch(let template):
                prompt = template.replacingOccurrences("{ticket}", rng.pick(TextPools.tickets) + " (order \(rng.int(10000...99999)))")
                    .replacingOccurrences("{product}", rng.pick(TextPools.products))
            case .skeleton(let spec): prompt = SkeletonFactory.prompt(spec, question: question(&rng, human: false), &rng)
            case .paraphrase(let spec): prompt = InstructionWordings.prompt(spec, question: question(&rng, human: spec.humanQuestions), &rng)
            case .camouflage(let extraction, _):
                return make(b, ts: ts0, prompts: extraction, switched: switched, ordinaryChat: false, &rng)
            case .publicTemplate(let template, let product):
                let context = BusinessText.paragraph(&rng, sentences: 2...6, product: product)
                let q = rng.pick(AutomationText.customerQuestions).replacingOccurrences("{product}", product)
                prompt = template.replacingOccurrences("{context}", context).replacingOccurrences("{question}", q)
            case .translation(let languages):
                let paragraph = BusinessText.paragraph(&rng, sentences: 2...9)
                prompt = AutomationText.translationRequest(to: rng.pick(languages), paragraph)
                let words = SkeletonSpec.words(paragraph) * 4 / 3
                outputRange = max(20, words)...max(21, words * 8 / 5)
            }
        }
        var turns = [prompt]
        if rng.chance(multiTurn) {
            var history: [String] = []
            for _ in 0..<rng.int(1...3) {
                history.append(ordinaryChat ? humanOrCasual(&rng, foreign: 0.1) : PromptFactory.casual(&rng, foreign: false))
                history.append(
                    rng.pick([
                        "Sure! Here's an overview.", "Good question. In short: it depends.", "Here is a draft you can adapt.",
                        "Happy to help. A few points:", "That's a common question; here is what usually works.",
                    ]))
            }
            turns = history + [prompt]
        }
        let maxTokens = ordinaryChat ? rng.pick([1024, 2048, 4096]) : rng.pick(b.maxTokens)
        let hit = !ordinary && rng.chance(b.hitLimitShare)
        let output = hit ? maxTokens : min(maxTokens - 1, ordinary ? rng.int(40...600) : rng.int(outputRange))
        let ua = b.userAgent
        var ip = b.freshIPPerRequest ? World.residentialIP(&rng) : (b.rotatingPool.map { rng.pick($0) } ?? (b.ips.isEmpty ? nil : rng.pick(b.ips)))
        if !world.variant.withIPs { ip = nil }
        let inputChars = turns.reduce(0) { $0 + $1.utf8.count }
        return SynthEvent(
            ts: ts, account: b.account.id, apiKey: b.apiKey, org: b.account.org, ip: ip, userAgent: ua?.0, ja3: ua?.1,
            model: world.model(at: ts, eager: b.eagerModel, &rng), maxTokens: maxTokens,
            inputTokens: inputChars / 4 + (b.system?.utf8.count ?? 0) / 4 + 5, outputTokens: max(1, output),
            stopReason: hit ? "max_tokens" : "end_turn", status: rng.chance(0.01) ? 429 : 200,
            latencyMs: 300 + output * rng.int(8...25), system: b.system, turns: turns,
            tools: switched ? b.tools : [], requestID: "req_" + rng.hex(16))
    }
}
