import DistillProfile
import DistillSupport

/// Every threshold of candidate selection, prompt families and the evidence graph.
/// Defaults are documented in docs/detection.md and printed in every report.
package struct LinkParameters: Sendable, Equatable, ParameterSet {
    /// Accounts with fewer prompts are not judged.
    package var minPrompts = 3
    /// Account suspicion (0–1) at or above which an account is a candidate.
    package var candidateSuspicion = 0.45
    /// ... or the share of its prompted requests in its extraction part (single-turn asks
    /// for long output) at or above which it is one, however much ordinary chat surrounds it.
    package var candidatePartShare = 0.25
    /// Mean output tokens that count as a full output appetite (linear from 500).
    package var longOutputTokens = 2000.0
    /// Mean output at which a single account's appetite starts to count (linear to `longOutputTokens`).
    package var appetiteRampTokens = 500.0
    /// Account suspicion = these weights × extraction-rule share, output appetite,
    /// single-turn share, machine pacing and large-`max_tokens` share ...
    package var suspicionIntentWeight = 0.30
    package var suspicionAppetiteWeight = 0.20
    package var suspicionSingleTurnWeight = 0.20
    package var suspicionPacingWeight = 0.15
    package var suspicionMaxTokensWeight = 0.15
    /// ... minus this × the share of classification asks (short labels, not copies) ...
    package var suspicionClassificationPenalty = 0.30
    /// ... scaled by (1 − damping + damping × single-turn share): conversations are what
    /// people have; extraction traffic is overwhelmingly single-turn.
    package var suspicionConversationDamping = 0.4
    /// Estimated Jaccard similarity of shingle sets for two prompts to share a family.
    package var familySimilarity = 0.4
    /// LSH bands × rows over the signature (bands × rows = signature bins).
    package var lshBands = 16
    /// A shingle held by more than this share of the ordinary (non-candidate) accounts
    /// with prompts is an everyday phrase and left out of family signatures ...
    package var familyBackgroundShare = 0.005
    /// ... but never below this many accounts (small dumps).
    package var familyBackgroundFloor = 3
    /// A prompt with fewer shingles shared with other accounts joins no family.
    package var familyMinShingles = 4
    /// Families whose candidate accounts overlap by at least this coefficient ...
    package var familySiblingOverlap = 0.3
    /// ... with at least this many shared candidates link as one (paraphrased wordings).
    package var familySiblingAccounts = 3
    /// Total evidence weight for an edge between two accounts to be kept.
    package var edgeThreshold = 2.0
    /// Shared payment fingerprint weight, and the most accounts a card may be on to count.
    package var paymentWeight = 3.0
    package var paymentHubShare = 0.01
    /// Every hub cap below is a share of the accounts in the dump, and at least this many accounts.
    package var hubFloor = 10
    /// IP overlap: `ipWeight` × the Jaccard similarity of the two sampled IP sets, each IP
    /// weighted by 1 / log2(1 + accounts on it); IPs on more than `ipHubShare` of the
    /// accounts (NAT, CGNAT, proxy hubs) are left out of both sets.
    package var ipWeight = 3.0
    package var ipHubShare = 0.01
    /// Subnet (/24 or /48) overlap, weighted Jaccard like IPs; subnets on more than `subnetHubShare` of the accounts are left out.
    package var subnetWeight = 1.0
    package var subnetHubShare = 0.015
    /// Shared user-agent + TLS combination: `clientWeight` × its rarity, 1 − log(accounts
    /// on it) / log(accounts in the dump); ignored on more than `clientHubShare` of the accounts.
    package var clientWeight = 1.0
    package var clientHubShare = 0.02
    /// Shared email domain (never a common mail provider), on at most `emailDomainHubShare` of the accounts.
    package var emailDomainWeight = 0.75
    package var emailDomainHubShare = 0.1
    /// Signups within `signupWindowMinutes` of each other, in a window of at least `signupBurstMin` candidates.
    package var signupWeight = 1.0
    package var signupWindowMinutes = 60
    package var signupBurstMin = 5
    /// Shared prompt families: weight × Σ min(share of each account's prompts in the family).
    package var familyWeight = 4.0
    /// Active in the same (day, hour) slots: weight when the overlap coefficient reaches `syncOverlap`.
    package var syncWeight = 1.0
    package var syncOverlap = 0.7
    /// ... and when that overlap is at least this many times what chance gives.
    package var syncLift = 2.0
    /// Lockstep below the hour: accounts with at least `lockstepMinRequests` requests whose
    /// busiest `lockstepWindowMinutes` of the hour hold at least `lockstepConcentration` of
    /// them (chance: window / 60), paired when the histogram intersection of their minutes
    /// reaches `lockstepOverlap`; weight `lockstepWeight` × intersection × the smaller
    /// concentration. Valid for accounts active around the clock.
    package var lockstepWeight = 2.5
    package var lockstepMinRequests = 24
    package var lockstepWindowMinutes = 5
    package var lockstepConcentration = 0.5
    package var lockstepOverlap = 0.5
    /// Sequential hand-off: the next account starts within this many minutes after the previous stops.
    package var handoffWeight = 2.0
    package var handoffGapMinutes = 120
    /// Smallest group reported as a campaign.
    package var minCampaignAccounts = 3
    /// Modularity resolution at which a linked component is split into campaigns joined
    /// only by lighter edges (shared prompt material); 0 keeps every component whole.
    package var communityResolution = 1.0
    /// A split-off part must have at least this share of its member pairs linked.
    package var communityMinDensity = 0.5
    /// Split-off parts whose prompt-family mixes have at least this cosine similarity ask
    /// the same things: they stay one campaign (cards or proxy pools make blocks inside one).
    package var communitySameMix = 0.5

    package init() {}

    /// A hub cap: `share` of `accounts`, at least `hubFloor`.
    package func hubCap(_ share: Double, accounts: Int) -> Int { max(hubFloor, Int(share * Double(accounts))) }

    package static var fields: [ParameterField<Self>] {
        [
            .init("min_prompts", \.minPrompts, 1...1e9), .share("candidate_suspicion", \.candidateSuspicion),
            .share("candidate_part_share", \.candidatePartShare), .init("long_output_tokens", \.longOutputTokens, 1...1e9),
            .init("appetite_ramp_tokens", \.appetiteRampTokens, 0...1e9), .share("suspicion_intent_weight", \.suspicionIntentWeight),
            .share("suspicion_appetite_weight", \.suspicionAppetiteWeight), .share("suspicion_single_turn_weight", \.suspicionSingleTurnWeight),
            .share("suspicion_pacing_weight", \.suspicionPacingWeight), .share("suspicion_max_tokens_weight", \.suspicionMaxTokensWeight),
            .share("suspicion_classification_penalty", \.suspicionClassificationPenalty), .share("suspicion_conversation_damping", \.suspicionConversationDamping),
            .share("family_similarity", \.familySimilarity),
            .init("lsh_bands", \.lshBands, 1...Double(ShingleSignature.bins)),
            .share("family_background_share", \.familyBackgroundShare), .init("family_background_floor", \.familyBackgroundFloor, 1...1e9),
            .init("family_min_shingles", \.familyMinShingles, 1...1e6), .share("family_sibling_overlap", \.familySiblingOverlap),
            .init("family_sibling_accounts", \.familySiblingAccounts, 1...1e9),
            .init("edge_threshold", \.edgeThreshold, 0...1e6), .init("payment_weight", \.paymentWeight, 0...1e6),
            .share("payment_hub_share", \.paymentHubShare), .init("hub_floor", \.hubFloor, 1...1e9),
            .init("ip_weight", \.ipWeight, 0...1e6), .share("ip_hub_share", \.ipHubShare),
            .init("subnet_weight", \.subnetWeight, 0...1e6), .share("subnet_hub_share", \.subnetHubShare),
            .init("client_weight", \.clientWeight, 0...1e6), .share("client_hub_share", \.clientHubShare),
            .init("email_domain_weight", \.emailDomainWeight, 0...1e6), .share("email_domain_hub_share", \.emailDomainHubShare),
            .init("signup_weight", \.signupWeight, 0...1e6), .init("signup_window_minutes", \.signupWindowMinutes, 1...1e6),
            .init("signup_burst_min", \.signupBurstMin, 2...1e9),
            .init("family_weight", \.familyWeight, 0...1e6), .init("sync_weight", \.syncWeight, 0...1e6),
            .share("sync_overlap", \.syncOverlap), .init("sync_lift", \.syncLift, 0...1e6),
            .init("lockstep_weight", \.lockstepWeight, 0...1e6), .init("lockstep_min_requests", \.lockstepMinRequests, 1...1e9),
            .init("lockstep_window_minutes", \.lockstepWindowMinutes, 1...60), .share("lockstep_concentration", \.lockstepConcentration),
            .share("lockstep_overlap", \.lockstepOverlap),
            .init("handoff_weight", \.handoffWeight, 0...1e6), .init("handoff_gap_minutes", \.handoffGapMinutes, 1...1e6),
            .init("min_campaign_accounts", \.minCampaignAccounts, 2...1e9),
            .init("community_resolution", \.communityResolution, 0...100), .share("community_min_density", \.communityMinDensity),
            .share("community_same_mix", \.communitySameMix),
        ]
    }
}

/// Mail domains that never link accounts by themselves: common providers, and
/// institutional domains (universities, schools, governments) that whole populations share.
package enum CommonMailDomains {
    package static func neverLinks(_ domain: String) -> Bool {
        if all.contains(domain) { return true }
        let labels = domain.split(separator: ".")
        return labels.contains("edu") || labels.contains("gov") || labels.contains("ac") || labels.contains("sch") || labels.contains("k12")
    }

    package static let all: Set<String> = [
        "gmail.com", "googlemail.com", "outlook.com", "hotmail.com", "live.com", "msn.com", "yahoo.com", "yahoo.co.jp", "ymail.com",
        "icloud.com", "me.com", "mac.com", "aol.com", "proton.me", "protonmail.com", "gmx.de", "gmx.net", "web.de", "mail.ru",
        "yandex.ru", "yandex.com", "qq.com", "163.com", "126.com", "sina.com", "naver.com", "daum.net", "hanmail.net",
        "zoho.com", "fastmail.com", "tutanota.com", "orange.fr", "free.fr", "laposte.net", "libero.it", "t-online.de", "rediffmail.com",
    ]
}
