import DistillDecode
import DistillProfile

/// One account as the link stage sees it: its profile, what the accounts file says,
/// its suspicion and its prompt-family shares.
public struct AccountView: Sendable {
    public var id: String
    public var profile: AccountProfile
    /// What the accounts file says, behind a reference: most accounts have no entry, and
    /// the link stage holds several copies of every view (an inline `AccountInfo?` is ~100 bytes).
    public var info: AccountInfo? {
        get { infoBox?.info }
        set { infoBox = newValue.map(InfoBox.init) }
    }
    private var infoBox: InfoBox?
    /// 0–1: how much the account's own behaviour looks like extraction.
    public var suspicion: Double = 0
    public var isCandidate = false
    /// Family id → share of the account's sampled prompts in it.
    public var families: [Int: Double] = [:]
    /// Linking family id (sibling families together) → share of the account's sampled prompts in it.
    public var linkFamilies: [Int: Double] = [:]

    public init(id: String, profile: AccountProfile, info: AccountInfo?) {
        self.id = id
        self.profile = profile
        self.info = info
    }

    /// An accounts-file entry, shared by the copies of a view (never changed in place).
    private final class InfoBox: Sendable {
        let info: AccountInfo
        init(_ info: AccountInfo) { self.info = info }
    }

    /// Whether the account is judged: enough prompts, and suspicious as a whole or in its
    /// extraction part (so that ordinary chat mixed in cannot keep it from being linked).
    public static func isCandidate(_ p: AccountProfile, suspicion: Double, _ params: LinkParameters) -> Bool {
        guard p.withPrompt >= params.minPrompts else { return false }
        return suspicion >= params.candidateSuspicion
            || (p.extractionShaped >= params.minPrompts && p.extractionShapedShare >= params.candidatePartShare)
    }

    /// Per-account suspicion from its own behaviour: extraction intent, output appetite,
    /// single-turn share, 24/7 pacing, large `max_tokens`; minus the classification tell.
    public static func suspicion(_ p: AccountProfile, _ params: LinkParameters) -> Double {
        let appetite = max(min(1, p.hitLimitShare * 3), min(1, max(0, (p.meanOutput - 500) / (params.longOutputTokens - 500))))
        let automation = p.hourEntropy >= params.machineHourEntropy ? 1.0 : max(0, (p.hourEntropy - 0.75) / (params.machineHourEntropy - 0.75))
        var s = 0.30 * p.extractionShare + 0.20 * appetite + 0.20 * p.singleTurnShare + 0.15 * automation + 0.15 * min(1, p.largeMaxTokensShare)
        s -= 0.30 * p.intentShare(.classification)
        // Conversations are what people have; extraction traffic is overwhelmingly single-turn.
        s *= 0.6 + 0.4 * p.singleTurnShare
        return max(0, min(1, s))
    }
}
