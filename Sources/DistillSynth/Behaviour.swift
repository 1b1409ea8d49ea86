/// How one synthetic account behaves: volume, timing, infrastructure and prompts.
struct Behaviour: Sendable {
    enum Timing: Sendable {
        /// Human rhythm at a UTC offset.
        case diurnal(tz: Int)
        /// Machine pacing, any hour.
        case uniform
        /// Active only between these UTC hours each day.
        case window(startHour: Int, hours: Int)
        /// Any hour, but only inside minutes `startMinute ..< startMinute + width` (mod 60) of it.
        case minutes(startMinute: Int, width: Int)
        /// A 24/7 ring: in each hour, active with probability `hourShare`, sending `perHour`
        /// requests inside the same few minutes as every other member.
        case lockstep(startMinute: Int, width: Int, hourShare: Double, perHour: ClosedRange<Int>)
    }

    indirect enum Prompts: Sendable {
        case casual(foreignShare: Double)
        case code
        case homework
        case dataset
        /// A fixed template filled with slots (`ordinaryShare` of requests are casual chat instead).
        case templates([String], ordinaryShare: Double)
        /// A fixed benchmark re-sent verbatim.
        case benchmark([String])
        case batch(String)
        /// A fixed instruction skeleton around a large per-request payload.
        case skeleton(SkeletonSpec)
        /// A real question inside one of many instruction wordings (several languages).
        case paraphrase(ParaphraseSpec)
        /// `ordinaryShare` of requests are ordinary multi-turn chat, the rest `extraction`.
        case camouflage(extraction: Prompts, ordinaryShare: Double)
        /// A public framework template (`{context}`, `{question}`) filled with one customer's material.
        case publicTemplate(template: String, product: String)
        /// Batch translation of paragraphs into the listed languages.
        case translation(languages: [String])
    }

    var account: SynthAccount
    var apiKey: String
    var requestsPerDay: Double
    /// Probability of being active on a given day.
    var activeShare: Double = 1
    /// Activity bounds (epoch ms); nil means the whole window.
    var activeFrom: Int64? = nil
    var activeUntil: Int64? = nil
    var timing: Timing
    var ips: [String]
    /// Each request picks a random address from this pool instead of `ips`.
    var rotatingPool: [String]? = nil
    var userAgent: (String, String)?
    var prompts: Prompts
    /// Behaviour before `switchAt` (bought aged accounts that looked normal).
    var before: (prompts: Prompts, requestsPerDay: Double, switchAt: Int64)? = nil
    var system: String? = nil
    var tools: [String] = []
    var multiTurnShare: Double = 0
    var maxTokens: [Int]
    var output: ClosedRange<Int>
    var hitLimitShare: Double = 0
    var eagerModel = false
    /// Exact request times (round-robin schedulers, benchmark bursts) instead of a rate.
    var schedule: [Int64]? = nil
    /// A fresh residential proxy address for every request.
    var freshIPPerRequest = false
    /// Timing of the ordinary part of a camouflaged account (nil: `timing`).
    var ordinaryTiming: Timing? = nil
}
