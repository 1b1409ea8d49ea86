import DistillDecode
import DistillProfile

/// One account as the link stage sees it: its profile, what the accounts file says,
/// its suspicion and its prompt-family shares.
package struct AccountView: Sendable {
    package var id: String
    package var profile: AccountProfile
    /// What the accounts file says, behind a reference: most accounts have no entry, and
    /// the link stage holds several copies of every view (an inline `AccountInfo?` is ~100 bytes).
    package var info: AccountInfo? {
        get { infoBox?.info }
        set { infoBox = newValue.map(InfoBox.init) }
    }
    private var infoBox: InfoBox?
    /// 0–1: how much the account's own behaviour looks like extraction.
    package var suspicion: Double = 0
    package var isCandidate = false
    /// Family id → share of the account's sampled prompts in it.
    package var families: [Int: Double] = [:]
    /// Linking family id (sibling families together) → share of the account's sampled prompts in it.
    package var linkFamilies: [Int: Double] = [:]

    package init(id: String, profile: AccountProfile, info: AccountInfo?) {
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
    package static func isCandidate(_ p: AccountProfile, suspicion: Double, _ params: LinkParameters) -> Bool {
        guard p.withPrompt >= params.minPrompts else { return false }
        return suspicion >= params.candidateSuspicion
            || (p.extractionShaped >= params.minPrompts && p.extractionShapedShare >= params.candidatePartShare)
    }

    /// Per-account suspicion from its own behaviour: extraction intent, output appetite,
    /// single-turn share, 24/7 pacing, large `max_tokens`; minus the classification tell.
    package static func suspicion(_ p: AccountProfile, _ params: LinkParameters, _ profile: ProfileParameters) -> Double {
        let appetite = profile.observedAppetite(
            meanOutput: p.meanOutput, hitLimitShare: p.hitLimitShare,
            rampFrom: params.appetiteRampTokens, full: params.longOutputTokens)
        let pacing = profile.machinePacing(hourEntropy: p.hourEntropy)
        var s =
            params.suspicionIntentWeight * p.extractionShare + params.suspicionAppetiteWeight * appetite
            + params.suspicionSingleTurnWeight * p.singleTurnShare + params.suspicionPacingWeight * pacing
            + params.suspicionMaxTokensWeight * min(1, p.largeMaxTokensShare)
        s -= params.suspicionClassificationPenalty * p.intentShare(.classification)
        s *= 1 - params.suspicionConversationDamping + params.suspicionConversationDamping * p.singleTurnShare
        return max(0, min(1, s))
    }
}
