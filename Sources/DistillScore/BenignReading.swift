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
            fact: .repeatedPrompts(medianRepeatShare: repeats, threshold: params.repeatShareBenign))
    }

    /// Distillers pay for diverse prompts and long outputs; a benchmark sends the same
    /// questions from every account and takes short answers.
    func fixedSetReplay() -> BenignExplanation {
        // Every member's kept prompt hashes, sorted: a hash's run lists the members holding
        // it (a hashed table of every hash cost more than the rest of the scoring of a group).
        var held: [(hash: UInt64, member: Int)] = []
        for (i, m) in members.enumerated() { for h in m.profile.promptHashes.hashesUnordered { held.append((h, i)) } }
        held.sort { $0.hash != $1.hash ? $0.hash < $1.hash : $0.member < $1.member }
        let sampled = held.count
        var shared = 0, start = 0
        while start < held.count {
            var end = start + 1, holders = 1
            while end < held.count && held[end].hash == held[start].hash {
                if held[end].member != held[end - 1].member { holders += 1 }
                end += 1
            }
            // Every sampled hash that two members hold counts, each time it was sampled.
            if holders >= 2 { shared += end - start }
            start = end
        }
        let share = sampled == 0 ? 0 : Double(shared) / Double(sampled)
        let applies = members.count >= 2 && share >= params.fixedSetShare && appetite < params.appetiteFloor
        return BenignExplanation(
            kind: .fixedSetReplay, applied: applies, factor: params.fixedSetFactor, strength: share,
            counts: [("cross_account_duplicate_share", share), ("output_appetite", appetite)],
            fact: .fixedSetReplay(duplicateShare: share, appetite: appetite, shareThreshold: params.fixedSetShare, appetiteFloor: params.appetiteFloor))
    }

    /// `orgs`: every organisation the members declare (logs and accounts file).
    func batchPipeline(_ orgs: Set<String>) -> BenignExplanation {
        let one = orgs.count == 1
        let applies = one && aggregate.meanOutput < params.shortOutputTokens
        return BenignExplanation(
            kind: .batchPipeline, applied: applies, factor: params.batchPipelineFactor, strength: one ? 1 : 0,
            counts: [("declared_organisations", Double(orgs.count)), ("mean_output_tokens", aggregate.meanOutput.rounded())],
            fact: .batchPipeline(organisations: orgs.count, meanOutputTokens: aggregate.meanOutput, shortOutputTokens: params.shortOutputTokens))
    }

    func verifiedOrganisation(_ orgs: Set<String>) -> BenignExplanation {
        let verified = members.filter { $0.info?.verified == true }.count
        let applies = orgs.count == 1 && verified == members.count && aggregate.meanOutput >= params.shortOutputTokens
        return BenignExplanation(
            kind: .verifiedOrganisation, applied: applies, factor: params.verifiedOrgFactor,
            strength: Double(verified) / Double(max(1, members.count)),
            counts: [("verified_members", Double(verified)), ("declared_organisations", Double(orgs.count))],
            fact: .verifiedOrganisation(verified: verified, members: members.count, organisations: orgs.count))
    }

    func widespreadClient() -> BenignExplanation {
        let share = context.widespreadClientShare(members, minAccounts: params.widespreadClientAccounts)
        return BenignExplanation(
            kind: .widespreadClient, applied: share >= params.widespreadClientShare, factor: params.widespreadClientFactor, strength: share,
            counts: [("widespread_system_prompt_share", share)],
            fact: .widespreadClient(share: share, minAccounts: params.widespreadClientAccounts, threshold: params.widespreadClientShare))
    }

    /// A public template shared by customers who share nothing else is not coordination;
    /// not applied to groups that take long outputs (a campaign hides its infrastructure too).
    func independentInfrastructure() -> BenignExplanation {
        let share = linkage.infrastructureShare
        let applies = linkage.edges > 0 && share < params.independentInfraShare && appetite < params.appetiteFloor
        return BenignExplanation(
            kind: .independentInfrastructure, applied: applies, factor: params.independentFactor, strength: 1 - share,
            counts: [("infrastructure_edge_share", share), ("output_appetite", appetite)],
            fact: .independentInfrastructure(infrastructureShare: share, threshold: params.independentInfraShare, appetiteFloor: params.appetiteFloor))
    }
}
