/// Sketch sizes and per-request thresholds of the profile pass (printed in every report).
public struct ProfileParameters: Sendable, Equatable {
    /// IP addresses kept per account (bottom-k sample).
    public var ipSketch = 24
    /// /24 (IPv4) or /48 (IPv6) subnets kept per account.
    public var subnetSketch = 8
    /// User-agent + TLS combinations kept per account.
    public var clientSketch = 4
    /// Distinct prompt hashes kept per account (repeat-rate estimate).
    public var promptHashSketch = 48
    /// Distinct prompts kept per account with text and signature (prompt families).
    public var promptSamples = 12
    /// Prompt text kept per sample, in UTF-8 bytes.
    public var sampleTextBytes = 600
    /// `max_tokens` at or above this counts as a large output appetite.
    public var largeMaxTokens = 4096
    /// An output of at least this many tokens makes a single-turn request part of the
    /// account's extraction part (with a large `max_tokens` or an output at the limit).
    public var longRequestOutputTokens = 1000

    public init() {}

    /// Name and value of every parameter, for reports.
    public var listed: [(String, Double)] {
        [("ip_sketch", Double(ipSketch)), ("subnet_sketch", Double(subnetSketch)), ("client_sketch", Double(clientSketch)),
         ("prompt_hash_sketch", Double(promptHashSketch)), ("prompt_samples", Double(promptSamples)),
         ("sample_text_bytes", Double(sampleTextBytes)), ("large_max_tokens", Double(largeMaxTokens)),
         ("long_request_output_tokens", Double(longRequestOutputTokens))]
    }
}
