import DistillDecode
import DistillInput
import DistillLink
import DistillProfile

/// Scores candidate groups: extraction intent, output appetite, automation,
/// coordination, model pivot, minus benign explanations; every claim with its numbers.
public struct CampaignScorer: Sendable {
    public var params: ScoreParameters

    public init(params: ScoreParameters) { self.params = params }

    /// Every group's campaign, most severe first; groups are scored on up to `threads`
    /// threads (each on its own, so the result never depends on it).
    public func score(_ link: Linker.Result, threads: Int = 1) -> [Campaign] {
        let context = ScoringContext(link)
        let out = parallelMap(link.groups.count, threads: threads) { i in
            campaign(link.groups[i], link, context, linkage: context.linkage[i])
        }.compactMap { $0 }
        return out.sorted { ($1.severity.rank, $0.score, $1.id) < ($0.severity.rank, $1.score, $0.id) }
    }

    func campaign(_ group: [Int], _ link: Linker.Result, _ ctx: ScoringContext, linkage: GroupLinkage) -> Campaign? {
        let members = group.map { link.accounts[$0] }
        var agg = AccountProfile(ProfileParameters())
        for m in members { agg.merge(m.profile) }
        let ids = members.map(\.id).sorted()
        var signals: [Signal] = []

        // Extraction intent.
        let intent = agg.extractionShare
        let tagText = IntentTag.allCases.filter(\.isExtraction).compactMap { t -> String? in
            let s = agg.intentShare(t)
            return s >= 0.02 ? "\(t.rawValue) \(pct(s))" : nil
        }.joined(separator: ", ")
        signals.append(Signal(kind: "extraction_intent", strength: intent,
                              evidence: "\(pct(intent)) of \(agg.withPrompt) requests match extraction rules" + (tagText.isEmpty ? "" : " (\(tagText))")))
        // Output appetite.
        let appetite = min(1, max(min(1, agg.hitLimitShare * 3), min(1, max(0, (agg.meanOutput - 300) / (params.longOutputTokens - 300)))) * 0.7 + 0.3 * agg.largeMaxTokensShare)
        signals.append(Signal(kind: "output_appetite", strength: appetite,
                              evidence: "mean output \(Int(agg.meanOutput)) tokens, \(pct(agg.hitLimitShare)) of outputs stop at the token limit, \(pct(agg.largeMaxTokensShare)) ask for max_tokens ≥ \(ProfileParameters().largeMaxTokens)"))
        // Automation.
        let entropy = agg.hourEntropy
        let machine = entropy >= 0.9 ? 1.0 : max(0, (entropy - 0.75) / 0.15)
        let automation = 0.5 * agg.singleTurnShare + 0.5 * max(machine, ctx.synchronized(members))
        signals.append(Signal(kind: "automation", strength: automation,
                              evidence: "\(pct(agg.singleTurnShare)) single-turn requests; hour-of-day entropy \(fmt(entropy)) (1 = flat, 24/7)"))
        // Coordination: linkage evidence inside the group.
        let (coordination, linkageSignals) = ctx.coordination(group, linkage)
        signals += linkageSignals
        // Size.
        let size = min(1, Double(members.count) / Double(params.fullSizeAccounts))
        var score = 100 * (params.intentWeight * intent + params.appetiteWeight * appetite + params.automationWeight * automation
                           + params.coordinationWeight * coordination) * (0.6 + 0.4 * size)
        // Model pivot.
        if let pivot = ctx.pivot(members, hours: params.pivotHours) {
            signals.append(pivot)
            score += 5 * pivot.strength
        }
        // Benign explanations.
        let repeats = members.map(\.profile.repeatShare).sorted()[members.count / 2]
        if repeats >= params.repeatShareBenign {
            signals.append(Signal(kind: "benign_explanation", strength: repeats,
                                  evidence: "the median account repeats an identical earlier prompt in \(pct(repeats)) of its requests, as evaluation harnesses re-running a fixed set do"))
            score *= 0.5
        }
        let orgs = Set(members.flatMap { m in m.profile.orgs.entries.values.map(\.payload) } + members.compactMap { $0.info?.org })
        if orgs.count == 1, agg.meanOutput < params.shortOutputTokens {
            signals.append(Signal(kind: "benign_explanation", strength: 1, evidence: "one declared organisation (\(orgs.first!)) with short outputs (mean \(Int(agg.meanOutput)) tokens): a batch pipeline"))
            score *= 0.5
        }
        let verified = members.allSatisfy { $0.info?.verified == true }
        if orgs.count == 1, verified, agg.meanOutput >= params.shortOutputTokens {
            signals.append(Signal(kind: "benign_explanation", strength: 1, evidence: "every member is a verified account of one declared organisation (\(orgs.first!)): likely one customer's keys"))
            score *= params.verifiedOrgFactor
        }
        let clientShare = ctx.widespreadClientShare(members, minAccounts: params.widespreadClientAccounts)
        if clientShare >= params.widespreadClientShare {
            signals.append(Signal(kind: "benign_explanation", strength: clientShare,
                                  evidence: "\(pct(clientShare)) of requests carry a system prompt used by ≥ \(params.widespreadClientAccounts) accounts (a widespread client)"))
            score *= 0.4
        }
        score = min(100, max(0, score))
        guard let severity = params.severity(score: score, accounts: members.count) else { return nil }
        return CampaignBuilder.build(id: Self.campaignID(ids), severity: severity, score: score, group: group, link: link,
                                     aggregate: agg, signals: signals)
    }

    /// Named after the member with the smallest hash: see `CampaignIdentity`.
    public static func campaignID(_ sortedIDs: [String]) -> String {
        CampaignIdentity.id(members: sortedIDs)
    }
}

func pct(_ x: Double) -> String { "\(Int((x * 100).rounded()))%" }
func fmt(_ x: Double) -> String {
    let v = (x * 100).rounded() / 100
    return String(Int(v)) + "." + String(Int((abs(v) * 100).rounded()) % 100).leftPadded(2)
}

extension String {
    func leftPadded(_ n: Int) -> String { count >= n ? self : String(repeating: "0", count: n - count) + self }
}
