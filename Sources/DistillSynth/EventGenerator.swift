/// Turns behaviours into the requests of one day.
struct EventGenerator {
    let world: World

    func events(day d: Int, behaviours: [Behaviour]) -> [SynthEvent] {
        var out: [SynthEvent] = []
        let dayStart = world.dayStart(d), dayEnd = world.dayStart(d + 1)
        for (index, b) in behaviours.enumerated() {
            var rng = SplitMix(seed: world.config.seed, [2, UInt64(d), UInt64(index)])
            if let schedule = b.schedule {
                var k = 0
                for t in schedule where t >= dayStart && t < dayEnd {
                    if case .benchmark(let qs) = b.prompts {
                        // Bursts walk the benchmark in order, so every run repeats it exactly.
                        let position = schedule.firstIndex(of: t) ?? 0
                        out.append(make(b, ts: t, prompts: .batch(qs[position % qs.count]), &rng))
                    } else {
                        out.append(make(b, ts: t, prompts: b.prompts, &rng))
                    }
                    k += 1
                }
                continue
            }
            guard rng.chance(b.activeShare) else { continue }
            let from = max(dayStart, b.activeFrom ?? dayStart), until = min(dayEnd, b.activeUntil ?? dayEnd)
            guard until > from else { continue }
            let fraction = Double(until - from) / Double(world.dayMs)
            var rate = b.requestsPerDay
            var prompts = b.prompts
            if let before = b.before, dayEnd <= before.switchAt { rate = before.requestsPerDay; prompts = before.prompts }
            let count = rng.poisson(rate * fraction * world.config.volume)
            for _ in 0..<count {
                var t: Int64
                switch b.timing {
                case .diurnal(let tz): t = world.diurnal(d, tz: tz, &rng)
                case .uniform: t = from + Int64(rng.unit() * Double(until - from))
                case .window(let h, let len): t = dayStart + Int64(h) * 3_600_000 + Int64(rng.unit() * Double(len) * 3_600_000)
                }
                if t < from || t >= until { t = from + Int64(rng.unit() * Double(until - from)) }
                var p = prompts
                if let before = b.before, t < before.switchAt { p = before.prompts }
                out.append(make(b, ts: t, prompts: p, switched: b.before.map { t >= $0.switchAt } ?? true, &rng))
            }
        }
        out.sort { ($0.ts, $0.requestID) < ($1.ts, $1.requestID) }
        return out
    }

    func make(_ b: Behaviour, ts: Int64, prompts: Behaviour.Prompts, switched: Bool = true, _ rng: inout SplitMix) -> SynthEvent {
        var prompt: String
        var ordinary = false
        switch prompts {
        case .casual(let foreign): prompt = PromptFactory.casual(&rng, foreign: rng.chance(foreign))
        case .code: prompt = PromptFactory.code(&rng)
        case .homework: prompt = PromptFactory.homework(&rng)
        case .dataset: prompt = PromptFactory.datasetPrompt(&rng)
        case .templates(let ts, let share):
            if rng.chance(share) { prompt = PromptFactory.casual(&rng, foreign: false); ordinary = true }
            else { prompt = PromptFactory.instantiate(rng.pick(ts), &rng) }
        case .benchmark(let qs): prompt = rng.pick(qs)
        case .batch(let template):
            prompt = template.replacingOccurrences("{ticket}", rng.pick(TextPools.tickets) + " (order \(rng.int(10000...99999)))")
                .replacingOccurrences("{product}", rng.pick(TextPools.products))
        }
        var turns = [prompt]
        if rng.chance(b.multiTurnShare) {
            var history: [String] = []
            for _ in 0..<rng.int(1...3) {
                history.append(PromptFactory.casual(&rng, foreign: false))
                history.append(rng.pick(["Sure! Here's an overview.", "Good question. In short: it depends.", "Here is a draft you can adapt."]))
            }
            turns = history + [prompt]
        }
        let maxTokens = rng.pick(b.maxTokens)
        let hit = !ordinary && rng.chance(b.hitLimitShare)
        let output = hit ? maxTokens : min(maxTokens - 1, ordinary ? rng.int(40...600) : rng.int(b.output))
        let ua = b.userAgent
        let ip = b.rotatingPool.map { rng.pick($0) } ?? (b.ips.isEmpty ? nil : rng.pick(b.ips))
        return SynthEvent(
            ts: ts, account: b.account.id, apiKey: b.apiKey, org: b.account.org, ip: ip, userAgent: ua?.0, ja3: ua?.1,
            model: world.model(at: ts, eager: b.eagerModel, &rng), maxTokens: maxTokens,
            inputTokens: prompt.utf8.count / 4 + (b.system?.utf8.count ?? 0) / 4 + 5, outputTokens: max(1, output),
            stopReason: hit ? "max_tokens" : "end_turn", status: rng.chance(0.01) ? 429 : 200,
            latencyMs: 300 + output * rng.int(8...25), system: b.system, turns: turns,
            tools: switched ? b.tools : [], requestID: "req_" + rng.hex(16))
    }
}

extension String {
    func replacingOccurrences(_ target: String, _ replacement: String) -> String {
        var s = self
        while let r = s.range(of: target) { s.replaceSubrange(r, with: replacement) }
        return s
    }
}
