import DistillSupport

/// Weights and thresholds of campaign scoring and severity (printed in every report).
package struct ScoreParameters: Sendable, Equatable, ParameterSet {
    package var intentWeight = 0.30
    package var appetiteWeight = 0.25
    package var automationWeight = 0.15
    package var coordinationWeight = 0.30
    /// Extraction intent is the larger of the share matching extraction rules and this
    /// factor × the share of single-turn asks for a long output (intent by shape).
    package var shapeIntentFactor = 0.8
    /// A group below both floors (extraction intent, output appetite) is reported at most
    /// `low`: coordination and automation alone are not distillation.
    package var intentFloor = 0.2
    package var appetiteFloor = 0.3
    /// Mean output tokens counted as a full appetite, rising linearly from `appetiteRampTokens`.
    package var longOutputTokens = 2000.0
    package var appetiteRampTokens = 300.0
    /// Share of the appetite signal given by the limits asked for (large `max_tokens`);
    /// the rest is what the outputs show.
    package var limitsAppetiteShare = 0.3
    /// Share of the automation signal given by single-turn traffic; the rest is machine
    /// pacing or synchronisation, whichever is larger.
    package var singleTurnAutomationShare = 0.5
    /// A member pair counts as synchronised for automation when its (day, hour) overlap is
    /// at least this many times chance (the link stage's `sync_lift` is the stricter bar
    /// for an edge).
    package var synchronizedLift = 1.5
    /// Points a full model pivot adds to the score.
    package var pivotPoints = 5.0
    /// Score factor of a group of two (rising linearly to 1 at `fullSizeAccounts`).
    package var smallGroupFactor = 0.6
    /// Groups at least this big get the full size factor.
    package var fullSizeAccounts = 8
    /// Repeat share at or above which exact repeats explain the traffic (evaluation
    /// harness); score factor `repeatedPromptsFactor`.
    package var repeatShareBenign = 0.5
    package var repeatedPromptsFactor = 0.5
    /// Share of requests with a system prompt seen on at least `widespreadClientAccounts` accounts.
    package var widespreadClientShare = 0.5
    package var widespreadClientAccounts = 50
    /// Score factor when a widespread client explains the traffic.
    package var widespreadClientFactor = 0.4
    /// Mean output below this with one declared org: a batch pipeline, not extraction.
    package var shortOutputTokens = 200.0
    /// Score factor of a batch pipeline.
    package var batchPipelineFactor = 0.5
    /// Score factor when every member is verified and declares the same organisation.
    package var verifiedOrgFactor = 0.5
    /// Share of the members' sampled prompts sent verbatim by at least two members at or
    /// above which, with output appetite below `appetiteFloor`, a fixed set is replayed
    /// (a benchmark run); score factor `fixedSetFactor`.
    package var fixedSetShare = 0.3
    package var fixedSetFactor = 0.3
    /// Share of the group's edges carrying shared infrastructure (cards, IPs, subnets,
    /// email domains, signups) below which, with output appetite below `appetiteFloor`,
    /// a shared template is independent customers' (score factor `independentFactor`).
    package var independentInfraShare = 0.1
    package var independentFactor = 0.6
    /// Hours after a model's first appearance within which moving to it counts as a pivot.
    package var pivotHours = 24.0
    /// A pivot is to a model first seen at least `pivotWarmupHours` into the dump (before
    /// that, "first seen" is only the start of the logs), used by at least
    /// `pivotOtherAccounts` accounts outside the group (a release, not the group's own
    /// endpoint), carrying at least `pivotMinShare` of the group's requests and
    /// `pivotLift` times its share among all other accounts.
    package var pivotWarmupHours = 12.0
    package var pivotOtherAccounts = 3
    package var pivotMinShare = 0.2
    package var pivotLift = 2.0
    /// Score thresholds (0–100); below `lowScore` a group is not reported.
    package var criticalScore = 80.0
    package var criticalMinAccounts = 10
    package var highScore = 65.0
    package var mediumScore = 50.0
    package var lowScore = 35.0

    package init() {}

    package static var fields: [ParameterField<Self>] {
        [
            .init("intent_weight", \.intentWeight, 0...1e6), .init("appetite_weight", \.appetiteWeight, 0...1e6),
            .init("automation_weight", \.automationWeight, 0...1e6), .init("coordination_weight", \.coordinationWeight, 0...1e6),
            .share("shape_intent_factor", \.shapeIntentFactor), .share("intent_floor", \.intentFloor), .share("appetite_floor", \.appetiteFloor),
            .share("fixed_set_share", \.fixedSetShare), .share("fixed_set_factor", \.fixedSetFactor),
            .share("independent_infra_share", \.independentInfraShare), .share("independent_factor", \.independentFactor),
            .init("score_long_output_tokens", \.longOutputTokens, 1...1e9), .init("score_appetite_ramp_tokens", \.appetiteRampTokens, 0...1e9),
            .share("limits_appetite_share", \.limitsAppetiteShare), .share("single_turn_automation_share", \.singleTurnAutomationShare),
            .init("synchronized_lift", \.synchronizedLift, 0...1e6),
            .init("pivot_points", \.pivotPoints, 0...100), .share("small_group_factor", \.smallGroupFactor), .init("full_size_accounts", \.fullSizeAccounts, 1...1e9),
            .share("repeat_share_benign", \.repeatShareBenign), .share("repeated_prompts_factor", \.repeatedPromptsFactor),
            .share("widespread_client_factor", \.widespreadClientFactor), .share("batch_pipeline_factor", \.batchPipelineFactor),
            .init("pivot_warmup_hours", \.pivotWarmupHours, 0...1e6), .init("pivot_other_accounts", \.pivotOtherAccounts, 0...1e9),
            .share("pivot_min_share", \.pivotMinShare), .init("pivot_lift", \.pivotLift, 0...1e6), .share("widespread_client_share", \.widespreadClientShare),
            .init("widespread_client_accounts", \.widespreadClientAccounts, 1...1e9), .init("short_output_tokens", \.shortOutputTokens, 0...1e9),
            .share("verified_org_factor", \.verifiedOrgFactor), .init("pivot_hours", \.pivotHours, 0...1e6),
            .init("critical_score", \.criticalScore, 0...100), .init("critical_min_accounts", \.criticalMinAccounts, 1...1e9),
            .init("high_score", \.highScore, 0...100), .init("medium_score", \.mediumScore, 0...100), .init("low_score", \.lowScore, 0...100),
        ]
    }

    /// The rule that gives `severity` (for the report).
    package func severityRule(_ s: Severity) -> SeverityRule {
        switch s {
        case .critical: return .score(s, threshold: criticalScore, minAccounts: criticalMinAccounts)
        case .high: return .score(s, threshold: highScore, minAccounts: nil)
        case .medium: return .score(s, threshold: mediumScore, minAccounts: nil)
        case .low: return .score(s, threshold: lowScore, minAccounts: nil)
        }
    }

    package func severity(score: Double, accounts: Int) -> Severity? {
        if score >= criticalScore && accounts >= criticalMinAccounts { return .critical }
        if score >= highScore { return .high }
        if score >= mediumScore { return .medium }
        if score >= lowScore { return .low }
        return nil
    }
}
