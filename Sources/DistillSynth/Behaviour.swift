/// How one synthetic account behaves: volume, timing, infrastructure and prompts.
struct Behaviour {
    enum Timing {
        /// Human rhythm at a UTC offset.
        case diurnal(tz: Int)
        /// Machine pacing, any hour.
        case uniform
        /// Active only between these UTC hours each day.
        case window(startHour: Int, hours: Int)
    }

    enum Prompts {
        case casual(foreignShare: Double)
        case code
        case homework
        case dataset
        /// A fixed template filled with slots (`ordinaryShare` of requests are casual chat instead).
        case templates([String], ordinaryShare: Double)
        /// A fixed benchmark re-sent verbatim.
        case benchmark([String])
        case batch(String)
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
}
