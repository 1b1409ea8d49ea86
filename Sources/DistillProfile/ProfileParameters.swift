import DistillSupport

/// Sketch sizes and per-request thresholds of the profile pass (printed in every report).
public struct ProfileParameters: Sendable, Equatable, ParameterSet {
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
    /// Distinct prompts of the extraction part kept per account besides `promptSamples`.
    public var partSamples = 6
    /// Prompt text kept per sample, in UTF-8 bytes.
    public var sampleTextBytes = 600
    /// `max_tokens` at or above this counts as a large output appetite.
    public var largeMaxTokens = 4096
    /// An output of at least this many tokens makes a single-turn request part of the
    /// account's extraction part (with a large `max_tokens` or an output at the limit).
    public var longRequestOutputTokens = 1000

    public init() {}

    public static var fields: [ParameterField<Self>] {
        [.init("ip_sketch", \.ipSketch, 1...4096), .init("subnet_sketch", \.subnetSketch, 1...4096),
         .init("client_sketch", \.clientSketch, 1...4096), .init("prompt_hash_sketch", \.promptHashSketch, 1...4096),
         .init("prompt_samples", \.promptSamples, 1...4096), .init("part_samples", \.partSamples, 0...4096),
         .init("sample_text_bytes", \.sampleTextBytes, 16...65536), .init("large_max_tokens", \.largeMaxTokens, 1...1e9),
         .init("long_request_output_tokens", \.longRequestOutputTokens, 1...1e9)]
    }
}
