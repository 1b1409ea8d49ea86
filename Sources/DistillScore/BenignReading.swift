import DistillLink
import DistillProfile

/// The benign explanations of one group, each measured and reported whether or not it
/// applies; an applied one multiplies the score by its factor.
struct BenignReading {
    let params: ScoreParameters
    let members: [AccountView]
    let aggregate: AccountProfile
    let linkage: GroupLinkage
    let appetite: Double
    let context: ScoringContext

    func all() -> [BenignExplanation] {
        let orgs = Set(members.flatMap { m in m.profile.orgs.entries.values.map(\.payload) } + members.compactMap { $0.info?.org })
        return [repeatedPrompts(), fixedSetReplay(), batchPipeline(orgs), verifiedOrganisation(orgs), widespreadClient(), independentInfrastructure()]
    }

    func repeatedPrompts() -> BenignExplanation {
        let repeats = members.map(\.profile.repeatShare).sorted()[members.count / 2]
        return BenignExplanation(
            kind: .repeatedPrompts, applied: repeats >= params.repeatShareBenign, factor: params.repeatedPromptsFactor, strength: repeats,
            counts: [("median_repeat_share", repeats)],
            evidence:
                "the median account repeats an identical earlier prompt in \(pct(repeats)) of its requests (an evaluation harness re-running a fixed set repeats ≥ \(pct(params.repeatShareBenign)))")
    }

    /// Distillers pay for diverse prompts and long outputs; a benchmark sends the same
    /// questions from every account and takes short answers.
    func fixedSetReplay() -> BenignExplanation {
        var holders: [UInt64: Int] = [:]
        var sampled = 0
        for m in members {
            for h in Set(m.profile.promptHashes.hashesUnordered) { holders[h, default: 0] += 1 }
        }
        var shared = 0
        for m in members {
            for h in m.profile.promptHashes.hashesUnordered {
                sampled += 1
                if holders[h, default: 0] >= 2 { shared += 1 }
            }
        }
        let share = sampled == 0 ? 0 : Double(shared) / Double(sampled)
        let applies = members.count >= 2 && share >= params.fixedSetShare && appetite < params.appetiteFloor
        return BenignExplanation(
            kind: .fixedSetReplay, applied: applies, factor: params.fixedSetFactor, strength: share,
            counts: [("cross_account_duplicate_share", share), ("output_appetite", appetite)],
            evidence:
                "\(pct(share)) of the members' sampled prompts are sent verbatim by two or more members, with output appetite \(fmt(appetite)) (a fixed set replayed for evaluation when ≥ \(pct(params.fixedSetShare)) and appetite < \(fmt(params.appetiteFloor)))"
        )
    }

    /// `orgs`: every organisation the members declare (logs and accounts file).
    func batchPipeline(_ orgs: Set<String>) -> BenignExplanation {
        let one = orgs.count == 1
        let applies = one && aggregate.meanOutput < params.shortOutputTokens
        return BenignExplanation(
            kind: .batchPipeline, applied: applies, factor: params.batchPipelineFactor, strength: one ? 1 : 0,
            counts: [("declared_organisations", Double(orgs.count)), ("mean_output_tokens", aggregate.meanOutput.rounded())],
            evidence:
                "\(orgs.count) declared organisation(s), mean output \(Int(aggregate.meanOutput)) tokens (one organisation with outputs under \(Int(params.shortOutputTokens)) tokens is a batch pipeline)"
        )
    }

    func verifiedOrganisation(_ orgs: Set<String>) -> BenignExplanation {
        let verified = members.filter { $0.info?.verified == true }.count
        let applies = orgs.count == 1 && verified == members.count && aggregate.meanOutput >= params.shortOutputTokens
        return BenignExplanation(
            kind: .verifiedOrganisation, applied: applies, factor: params.verifiedOrgFactor,
            strength: Double(verified) / Double(max(1, members.count)),
            counts: [("verified_members", Double(verified)), ("declared_organisations", Double(orgs.count))],
            evidence: "\(verified) of \(members.count) members are verified; \(orgs.count) declared organisation(s) (all verified in one organisation: one customer's keys)")
    }

    func widespreadClient() -> BenignExplanation {
        let share = context.widespreadClientShare(members, minAccounts: params.widespreadClientAccounts)
        return BenignExplanation(
            kind: .widespreadClient, applied: share >= params.widespreadClientShare, factor: params.widespreadClientFactor, strength: share,
            counts: [("widespread_system_prompt_share", share)],
            evidence: "\(pct(share)) of requests carry a system prompt used by ≥ \(params.widespreadClientAccounts) accounts (a widespread client when ≥ \(pct(params.widespreadClientShare)))")
    }

    /// A public template shared by customers who share nothing else is not coordination;
    /// not applied to groups that take long outputs (a campaign hides its infrastructure too).
    func independentInfrastructure() -> BenignExplanation {
        let share = linkage.infrastructureShare
        let applies = linkage.edges > 0 && share < params.independentInfraShare && appetite < params.appetiteFloor
        return BenignExplanation(
            kind: .independentInfrastructure, applied: applies, factor: params.independentFactor, strength: 1 - share,
            counts: [("infrastructure_edge_share", share), ("output_appetite", appetite)],
            evidence:
                "\(pct(share)) of the evidence edges carry shared cards, IPs, subnets, email domains or signup bursts (independent customers behind a shared template when < \(pct(params.independentInfraShare)) and appetite < \(fmt(params.appetiteFloor)))"
        )
    }
}
