/// Knobs of `distillscan synth`.
package struct SynthConfig: Sendable {
    package enum Format: String, Sendable, CaseIterable { case canonical, litellm, bedrock }
    package var seed: UInt64 = 1
    /// Benign accounts (campaign sizes scale with it).
    package var accounts: Int = 2000
    package var days: Int = 7
    package var format: Format = .canonical
    /// Multiplies every request rate (same accounts, more requests).
    package var volume: Double = 1
    /// Dirty lines injected on purpose per day file (counted in truth.json).
    package var dirtyLinesPerFile: Int = 0
    /// gzip level of the log files.
    package var gzipLevel: Int32 = 6
    /// Write `accounts.jsonl` (false: the corpus has logs and truth only).
    package var writeAccountsFile = true
    /// Real human prompts (one per element) that ordinary users, camouflage chat and the
    /// dataset-replay campaign draw from instead of the internal pools; empty: pools only.
    package var humanPrompts: [String] = []
    package init() {}
}
