/// Knobs of `distillscan synth`.
public struct SynthConfig: Sendable {
    public enum Format: String, Sendable, CaseIterable { case canonical, litellm, bedrock }
    public var seed: UInt64 = 1
    /// Benign accounts (campaign sizes scale with it).
    public var accounts: Int = 2000
    public var days: Int = 7
    public var format: Format = .canonical
    /// Multiplies every request rate (same accounts, more requests).
    public var volume: Double = 1
    /// Dirty lines injected on purpose per day file (counted in truth.json).
    public var dirtyLinesPerFile: Int = 0
    /// gzip level of the log files.
    public var gzipLevel: Int32 = 6
    /// Write `accounts.jsonl` (false: the corpus has logs and truth only).
    public var writeAccountsFile = true
    /// Real human prompts (one per element) that ordinary users, camouflage chat and the
    /// dataset-replay campaign draw from instead of the internal pools; empty: pools only.
    public var humanPrompts: [String] = []
    public init() {}
}
