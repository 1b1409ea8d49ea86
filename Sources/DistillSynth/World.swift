/// The shared infrastructure of a synthetic world: time window, models, IP pools.
struct World {
    let config: SynthConfig
    /// Start of day 0 (epoch ms, UTC midnight).
    let start: Int64
    let dayMs: Int64 = 86_400_000
    /// Models available from day 0, and the one released mid-window.
    let models: [String]
    let newModel: String
    /// When the new model is released (epoch ms).
    let releaseAt: Int64
    /// A residential proxy reseller's rotating pool (shared by a campaign and ordinary customers).
    let proxyPool: [String]
    /// Mobile carrier CGNAT addresses (thousands of users behind a few IPs).
    let carrierNAT: [String]
    let throwawayDomains: [String]
    /// How this seed's logs look: time resolution, IPs present or not, timestamp style.
    let variant: Variant

    struct Variant: Sendable {
        /// Timestamps cut to whole seconds (else milliseconds).
        var wholeSeconds: Bool
        /// Client IPs logged (never in Bedrock logs).
        var withIPs: Bool
        /// Canonical logs: `ts` as epoch numbers instead of RFC 3339 text.
        var epochTimestamps: Bool
        /// Bedrock: the AWS account that owns the logs (the same on every record).
        var logOwner: String
    }

    init(config: SynthConfig) {
        self.config = config
        var rng = SplitMix(seed: config.seed, [1])
        // A start date that moves with the seed (within 2026).
        start = Int64(Timestamp0.day2026 + rng.int(0...300)) * 86_400_000
        let families = ["aster", "borealis", "cirrus", "dune", "ember", "fjord", "gale", "halo", "iris", "juniper", "krait", "lumen", "mistral", "nimbus", "onyx", "pulsar"]
        var f = families
        f.shuffle(using: &rng)
        let v = rng.int(2...5)
        models = ["\(f[0])-\(v)-large", "\(f[0])-\(v)-small", "\(f[1])-\(v)-mini"]
        newModel = "\(f[0])-\(v + 1)-large"
        releaseAt = start + Int64(max(1, config.days / 2)) * 86_400_000 + Int64(rng.int(8...16)) * 3_600_000
        proxyPool = (0..<max(400, config.accounts / 2)).map { _ in World.residentialIP(&rng) }
        carrierNAT = (0..<6).map { _ in "100.\(rng.int(64...127)).\(rng.int(0...255)).\(rng.int(1...254))" }
        throwawayDomains = (0..<4).map { _ in rng.letters(rng.int(5...8)) + rng.pick([".xyz", ".top", ".click", ".site", ".online"]) }
        var vr = SplitMix(seed: config.seed, [6])
        variant = Variant(
            wholeSeconds: vr.chance(0.5), withIPs: config.format != .bedrock && vr.chance(0.7), epochTimestamps: vr.chance(0.3),
            logOwner: String(vr.int(100_000...999_999)) + String(vr.int(100_000...999_999)))
    }

    static func residentialIP(_ rng: inout SplitMix) -> String {
        "\(rng.pick([24, 47, 68, 73, 77, 81, 86, 92, 98, 109, 151, 176, 178, 185, 188, 201, 212]) ).\(rng.int(0...255)).\(rng.int(0...255)).\(rng.int(1...254))"
    }

    static func subnet(_ rng: inout SplitMix) -> String {
        "\(rng.pick([34, 35, 45, 52, 64, 104, 138, 142, 159, 167, 192])).\(rng.int(0...255)).\(rng.int(0...255))"
    }

    func dayStart(_ d: Int) -> Int64 { start + Int64(d) * dayMs }

    /// A time in day `d` following a diurnal curve for a user at UTC offset `tz` hours.
    func diurnal(_ d: Int, tz: Int, _ rng: inout SplitMix) -> Int64 {
        // Local activity between 08:00 and 23:00, peaking in the evening.
        let local = Double(rng.int(8...22)) + rng.unit() + (rng.chance(0.3) ? 2 : 0)
        var h = local - Double(tz)
        h = (h.truncatingRemainder(dividingBy: 24) + 24).truncatingRemainder(dividingBy: 24)
        return dayStart(d) + Int64(h * 3_600_000)
    }

    /// Which model a request uses at `ts`; `eager` callers move to the new model at once.
    func model(at ts: Int64, eager: Bool, _ rng: inout SplitMix) -> String {
        if ts >= releaseAt {
            if eager && ts >= releaseAt + 3_600_000 * Int64(2) { return rng.chance(0.92) ? newModel : models[0] }
            if !eager && ts >= releaseAt + 86_400_000 && rng.chance(0.25) { return newModel }
        }
        return rng.chance(0.6) ? models[0] : rng.pick(models)
    }
}

enum Timestamp0 {
    /// Days from 1970-01-01 to 2026-01-01.
    static let day2026 = 20454
}
