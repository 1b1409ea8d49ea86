import DistillSupport

/// Sketch sizes and per-request thresholds of the profile pass (printed in every report).
package struct ProfileParameters: Sendable, Equatable, ParameterSet {
    /// IP addresses kept per account (bottom-k sample).
    package var ipSketch = 24
    /// /24 (IPv4) or /48 (IPv6) subnets kept per account.
    package var subnetSketch = 8
    /// User-agent + TLS combinations kept per account.
    package var clientSketch = 4
    /// Distinct prompt hashes kept per account (repeat-rate estimate).
    package var promptHashSketch = 48
    /// Distinct prompts kept per account with text and signature (prompt families).
    package var promptSamples = 12
    /// Distinct prompts of the extraction part kept per account besides `promptSamples`.
    package var partSamples = 6
    /// Prompt text kept per sample, in UTF-8 bytes.
    package var sampleTextBytes = 600
    /// `max_tokens` at or above this counts as a large output appetite.
    package var largeMaxTokens = 4096
    /// An output of at least this many tokens makes a single-turn request part of the
    /// account's extraction part (with a large `max_tokens` or an output at the limit).
    package var longRequestOutputTokens = 1000
    /// Hour-of-day entropy (0–1) at or above which pacing counts as 24/7 machine pacing ...
    package var machineHourEntropy = 0.9
    /// ... rising linearly from this entropy (people sleep; a flat day is a machine's).
    package var pacingRampEntropy = 0.75
    /// A share of outputs stopped at the token limit counts this many times toward a full
    /// output appetite (a third of outputs cut off is a client asking for all it can get).
    package var hitLimitAppetiteFactor = 3.0

    package init() {}

    /// Machine pacing (0–1) of an hour-of-day entropy; the link stage and the scorer read
    /// the same curve.
    package func machinePacing(hourEntropy e: Double) -> Double {
        e >= machineHourEntropy ? 1 : max(0, (e - pacingRampEntropy) / max(machineHourEntropy - pacingRampEntropy, 1e-9))
    }

    /// Observed output appetite (0–1): outputs stopped at the limit, or a mean output
    /// rising linearly from `rampFrom` to `full` tokens, whichever is larger.
    package func observedAppetite(meanOutput: Double, hitLimitShare: Double, rampFrom: Double, full: Double) -> Double {
        max(min(1, hitLimitShare * hitLimitAppetiteFactor), min(1, max(0, (meanOutput - rampFrom) / max(full - rampFrom, 1))))
    }

    package static var fields: [ParameterField<Self>] {
        [
            .init("ip_sketch", \.ipSketch, 1...4096), .init("subnet_sketch", \.subnetSketch, 1...4096),
            .init("client_sketch", \.clientSketch, 1...4096), .init("prompt_hash_sketch", \.promptHashSketch, 1...4096),
            .init("prompt_samples", \.promptSamples, 1...4096), .init("part_samples", \.partSamples, 0...4096),
            .init("sample_text_bytes", \.sampleTextBytes, 16...65536), .init("large_max_tokens", \.largeMaxTokens, 1...1e9),
            .init("long_request_output_tokens", \.longRequestOutputTokens, 1...1e9), .share("machine_hour_entropy", \.machineHourEntropy),
            .share("pacing_ramp_entropy", \.pacingRampEntropy), .init("hit_limit_appetite_factor", \.hitLimitAppetiteFactor, 0...1e6),
        ]
    }
}
