import DistillLink
import DistillProfile

/// What a signal measured, as typed values (no words): `DistillReport` says it in
/// sentences, and `--redact` masks the log text in it (a model name) by its type.
package enum SignalFact: Sendable, Equatable {
    /// Shares of the requests with a prompt: matching extraction rules, and shaped as a
    /// single-turn ask for a long output; `tags`: each extraction tag's share.
    case extractionIntent(requests: Int, phraseShare: Double, shapeShare: Double, tags: [TagShare])
    /// `largeMaxTokens`: the `max_tokens` from which a request counts as asking for a large output.
    case outputAppetite(meanOutputTokens: Double, hitLimitShare: Double, largeMaxTokensShare: Double, largeMaxTokens: Int)
    /// `hourEntropy`: 1 = flat over the 24 hours (24/7).
    case automation(singleTurnShare: Double, hourEntropy: Double)
    case coordination(edges: Int, linkedAccounts: Int, accounts: Int)
    /// Edges inside the group carrying one evidence kind, and their mean weight.
    case linkage(kind: EvidenceKind, pairs: Int, meanWeight: Double)
    /// `model` is log text.
    case modelPivot(model: String, lagHours: Double, groupShare: Double, othersShare: Double)

    /// One extraction tag's share of the requests.
    package struct TagShare: Sendable, Equatable {
        package var tag: IntentTag
        package var share: Double
    }
}

/// What a benign reading measured and the thresholds it was held against.
package enum BenignFact: Sendable, Equatable {
    case repeatedPrompts(medianRepeatShare: Double, threshold: Double)
    case fixedSetReplay(duplicateShare: Double, appetite: Double, shareThreshold: Double, appetiteFloor: Double)
    case batchPipeline(organisations: Int, meanOutputTokens: Double, shortOutputTokens: Double)
    case verifiedOrganisation(verified: Int, members: Int, organisations: Int)
    case widespreadClient(share: Double, minAccounts: Int, threshold: Double)
    case independentInfrastructure(infrastructureShare: Double, threshold: Double, appetiteFloor: Double)
}

/// The rule that set a campaign's severity.
package enum SeverityRule: Sendable, Equatable {
    /// The score reached this severity's threshold (`minAccounts`: critical's size floor).
    case score(Severity, threshold: Double, minAccounts: Int?)
    /// Neither extraction intent nor observed output appetite reached its floor: capped at low.
    case cappedLow(intent: Double, intentFloor: Double, appetite: Double, appetiteFloor: Double)
}
