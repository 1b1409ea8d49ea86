/// Every threshold of candidate selection, prompt families and the evidence graph.
/// Defaults are documented in docs/detection.md and printed in every report.
public struct LinkParameters: Sendable, Equatable {
    /// Accounts with fewer prompts are not judged.
    public var minPrompts = 3
    /// Account suspicion (0–1) at or above which an account is a candidate.
    public var candidateSuspicion = 0.45
    /// Mean output tokens that count as a full output appetite (linear from 500).
    public var longOutputTokens = 2000.0
    /// Hour-of-day entropy (0–1) at or above which pacing counts as 24/7 machine pacing.
    public var machineHourEntropy = 0.9
    /// Estimated Jaccard similarity of shingle sets for two prompts to share a family.
    public var familySimilarity = 0.5
    /// LSH bands × rows over the signature (bands × rows = signature bins).
    public var lshBands = 8
    /// Total evidence weight for an edge between two accounts to be kept.
    public var edgeThreshold = 2.0
    /// Shared payment fingerprint weight, and the most accounts a card may be on to count.
    public var paymentWeight = 3.0
    public var paymentHubCap = 25
    /// IP overlap: `ipWeight` × the Jaccard similarity of the two sampled IP sets, each IP
    /// weighted by 1 / log2(1 + accounts on it); IPs on more accounts than `ipHubCap`
    /// (NAT, CGNAT, proxy hubs) are left out of both sets.
    public var ipWeight = 3.0
    public var ipHubCap = 40
    /// Subnet (/24 or /48) overlap, weighted Jaccard like IPs; subnets on more than `subnetHubCap` accounts are left out.
    public var subnetWeight = 1.0
    public var subnetHubCap = 60
    /// Shared user-agent + TLS combination, counted when on at most `clientHubCap` accounts.
    public var clientWeight = 1.0
    public var clientHubCap = 80
    /// Shared email domain (never a common mail provider), on at most `emailDomainHubCap` accounts.
    public var emailDomainWeight = 0.75
    public var emailDomainHubCap = 400
    /// Signups within `signupWindowMinutes` of each other, in a window of at least `signupBurstMin` candidates.
    public var signupWeight = 1.0
    public var signupWindowMinutes = 60
    public var signupBurstMin = 5
    /// Shared prompt families: weight × Σ min(share of each account's prompts in the family).
    public var familyWeight = 4.0
    /// Active in the same (day, hour) slots: weight when the overlap coefficient reaches `syncOverlap`.
    public var syncWeight = 1.0
    public var syncOverlap = 0.7
    /// ... and when that overlap is at least this many times what chance gives.
    public var syncLift = 2.0
    /// Sequential hand-off: the next account starts within this many minutes after the previous stops.
    public var handoffWeight = 2.0
    public var handoffGapMinutes = 120
    /// Smallest group reported as a campaign.
    public var minCampaignAccounts = 3

    public init() {}

    public var listed: [(String, Double)] {
        [("min_prompts", Double(minPrompts)), ("candidate_suspicion", candidateSuspicion), ("long_output_tokens", longOutputTokens),
         ("machine_hour_entropy", machineHourEntropy), ("family_similarity", familySimilarity), ("lsh_bands", Double(lshBands)),
         ("edge_threshold", edgeThreshold), ("payment_weight", paymentWeight), ("payment_hub_cap", Double(paymentHubCap)),
         ("ip_weight", ipWeight), ("ip_hub_cap", Double(ipHubCap)),
         ("subnet_weight", subnetWeight), ("subnet_hub_cap", Double(subnetHubCap)), ("client_weight", clientWeight),
         ("client_hub_cap", Double(clientHubCap)), ("email_domain_weight", emailDomainWeight), ("email_domain_hub_cap", Double(emailDomainHubCap)),
         ("signup_weight", signupWeight), ("signup_window_minutes", Double(signupWindowMinutes)), ("signup_burst_min", Double(signupBurstMin)),
         ("family_weight", familyWeight), ("sync_weight", syncWeight), ("sync_overlap", syncOverlap), ("sync_lift", syncLift),
         ("handoff_weight", handoffWeight), ("handoff_gap_minutes", Double(handoffGapMinutes)),
         ("min_campaign_accounts", Double(minCampaignAccounts))]
    }
}

/// Mail domains that never link accounts by themselves: common providers, and
/// institutional domains (universities, schools, governments) that whole populations share.
public enum CommonMailDomains {
    public static func neverLinks(_ domain: String) -> Bool {
        if all.contains(domain) { return true }
        let labels = domain.split(separator: ".")
        return labels.contains("edu") || labels.contains("gov") || labels.contains("ac") || labels.contains("sch") || labels.contains("k12")
    }

    public static let all: Set<String> = [
        "gmail.com", "googlemail.com", "outlook.com", "hotmail.com", "live.com", "msn.com", "yahoo.com", "yahoo.co.jp", "ymail.com",
        "icloud.com", "me.com", "mac.com", "aol.com", "proton.me", "protonmail.com", "gmx.de", "gmx.net", "web.de", "mail.ru",
        "yandex.ru", "yandex.com", "qq.com", "163.com", "126.com", "sina.com", "naver.com", "daum.net", "hanmail.net",
        "zoho.com", "fastmail.com", "tutanota.com", "orange.fr", "free.fr", "laposte.net", "libero.it", "t-online.de", "rediffmail.com",
    ]
}
