import DistillDecode
import DistillInput
import DistillLink
import DistillProfile
import DistillSupport

/// Scores candidate groups: extraction intent, output appetite, automation,
/// coordination, model pivot, minus benign explanations; every claim with its numbers.
package struct CampaignScorer: Sendable {
    package var params: ScoreParameters
    /// The account measures the profiles were built with (sketch sizes, curves, limits).
    package var profile: ProfileParameters

    package init(params: ScoreParameters, profile: ProfileParameters = ProfileParameters()) {
        self.params = params
        self.profile = profile
    }

    /// Every group's campaign, most severe first; groups are scored on up to `threads`
    /// threads (each on its own, so the result never depends on it).
    package func score(_ link: Linker.Result, threads: Int = 1) -> [Campaign] {
        let context = ScoringContext(link, threads: threads)
        let out = parallelMap(link.groups.count, threads: threads) { i in
            campaign(link.groups[i], link, context, linkage: context.linkage[i], activity: link.activity[i])
        }.compactMap { $0 }
        return out.sorted(by: Campaign.reportOrder)
    }

    func campaign(_ group: [Int], _ link: Linker.Result, _ ctx: ScoringContext, linkage: GroupLinkage, activity: GroupActivity) -> Campaign? {
        let members = group.map { link.accounts[$0] }
        var agg = AccountProfile(profile)
        for m in members { agg.merge(m.profile) }
        let ids = members.map(\.id).sorted()
        let size = min(1, Double(members.count) / Double(params.fullSizeAccounts))
        let sizeFactor = params.smallGroupFactor + (1 - params.smallGroupFactor) * size
        func points(_ weight: Double, _ strength: Double) -> Double { 100 * weight * strength * sizeFactor }
        var signals: [Signal] = []

        // Extraction intent: by wording (rules) or by shape (single-turn asks for long output).
        let phrase = agg.extractionShare, shape = agg.extractionShapedShare
        let intent = max(phrase, params.shapeIntentFactor * shape)
        let tags = IntentTag.allCases.filter(\.isExtraction).map { SignalFact.TagShare(tag: $0, share: agg.intentShare($0)) }
        signals.append(
            Signal(
                kind: .extractionIntent, strength: intent, weight: points(params.intentWeight, intent),
                counts: [("requests", Double(agg.withPrompt)), ("phrase_share", phrase), ("shape_share", shape)],
                fact: .extractionIntent(requests: agg.withPrompt, phraseShare: phrase, shapeShare: shape, tags: tags)))
        // Output appetite.
        // What the outputs show, and the limits asked for; the outputs alone decide the cap
        // below (a client may ask for a large max_tokens on every request), the limits
        // standing in only when no output is logged.
        let outputs = profile.observedAppetite(
            meanOutput: agg.meanOutput, hitLimitShare: agg.hitLimitShare,
            rampFrom: params.appetiteRampTokens, full: params.longOutputTokens)
        let appetite = min(1, outputs * (1 - params.limitsAppetiteShare) + params.limitsAppetiteShare * agg.largeMaxTokensShare)
        let observedAppetite = agg.withOutput > 0 ? outputs : agg.largeMaxTokensShare
        signals.append(
            Signal(
                kind: .outputAppetite, strength: appetite, weight: points(params.appetiteWeight, appetite),
                counts: [("mean_output_tokens", agg.meanOutput.rounded()), ("hit_limit_share", agg.hitLimitShare), ("large_max_tokens_share", agg.largeMaxTokensShare)],
                fact: .outputAppetite(
                    meanOutputTokens: agg.meanOutput, hitLimitShare: agg.hitLimitShare, largeMaxTokensShare: agg.largeMaxTokensShare,
                    largeMaxTokens: profile.largeMaxTokens)))
        // Automation.
        let entropy = agg.hourEntropy
        let machine = profile.machinePacing(hourEntropy: entropy)
        let synchronized = activity.meanOverlap(minLift: params.synchronizedLift)
        let automation = params.singleTurnAutomationShare * agg.singleTurnShare + (1 - params.singleTurnAutomationShare) * max(machine, synchronized)
        signals.append(
            Signal(
                kind: .automation, strength: automation, weight: points(params.automationWeight, automation),
                counts: [("single_turn_share", agg.singleTurnShare), ("hour_entropy", entropy), ("synchronized", synchronized)],
                fact: .automation(singleTurnShare: agg.singleTurnShare, hourEntropy: entropy)))
        // Coordination: linkage evidence inside the group.
        let (coordination, linkageSignals) = ctx.coordination(group, linkage)
        signals.append(
            Signal(
                kind: .coordination, strength: coordination, weight: points(params.coordinationWeight, coordination),
                counts: [("edges", Double(linkage.edges)), ("linked_accounts", Double(linkage.linkedAccounts)), ("accounts", Double(group.count))],
                fact: .coordination(edges: linkage.edges, linkedAccounts: linkage.linkedAccounts, accounts: group.count)))
        signals += linkageSignals
        var score =
            points(params.intentWeight, intent) + points(params.appetiteWeight, appetite)
            + points(params.automationWeight, automation) + points(params.coordinationWeight, coordination)
        // Model pivot.
        if var pivot = ctx.pivot(members, params) {
            pivot.weight = params.pivotPoints * pivot.strength
            signals.append(pivot)
            score += pivot.weight
        }
        let benign = BenignReading(params: params, members: members, aggregate: agg, linkage: linkage, appetite: observedAppetite, context: ctx).all()
        for b in benign where b.applied { score *= b.factor }
        score = min(100, max(0, score))
        guard var severity = params.severity(score: score, accounts: members.count) else { return nil }
        var rule = params.severityRule(severity)
        // Coordination and automation alone are not distillation.
        if intent < params.intentFloor && observedAppetite < params.appetiteFloor && severity > .low {
            severity = .low
            rule = .cappedLow(intent: intent, intentFloor: params.intentFloor, appetite: observedAppetite, appetiteFloor: params.appetiteFloor)
        }
        return CampaignBuilder.build(
            id: Self.campaignID(ids), severity: severity, score: score, group: group, samples: ctx.accountSamples.samples(of: group),
            link: link, aggregate: agg, signals: signals, benign: benign, severityRule: rule)
    }

    /// Named after the member with the smallest hash: see `CampaignIdentity`.
    package static func campaignID(_ sortedIDs: [String]) -> String {
        CampaignIdentity.id(members: sortedIDs)
    }
}

