import DistillDecode
import DistillInput
import DistillProfile
import DistillSupport

/// The link stage: judges each account, mines prompt families, builds the evidence
/// graph between suspicious accounts and returns candidate groups.
package struct Linker: Sendable {
    package var params: LinkParameters
    /// The account measures (pacing and appetite curves) the profiles were built with.
    package var profile: ProfileParameters
    /// Threads for the parts that split (never changes the result).
    package var threads: Int

    package init(params: LinkParameters, profile: ProfileParameters = ProfileParameters(), threads: Int = 1) {
        self.params = params
        self.profile = profile
        self.threads = threads
    }

    /// The outcome: every account (sorted by id), families, kept edges and groups.
    package struct Result: Sendable {
        package var accounts: [AccountView]
        package var families: PromptFamilies
        package var graph: EvidenceGraph
        /// Candidate campaigns: sorted account indexes.
        package var groups: [[Int]]
        /// Each group's activity overlap, in `groups` order.
        package var activity: [GroupActivity]
        /// The dump-wide family statistics (the most widespread families).
        package var familyStatistics: [FamilyStatistics.Family]
    }

    package func run(profiles: [String: AccountProfile], infos: [String: AccountInfo]) -> Result {
        run(accounts: profiles.keys.sorted().map { ($0, profiles[$0]!) }, infos: infos)
    }

    /// `run` over accounts already in ascending id order.
    package func run(accounts: [(id: String, profile: AccountProfile)], infos: [String: AccountInfo]) -> Result {
        let params = params, profile = profile
        var views = parallelArray(accounts.count, threads: threads) { i in
            var view = AccountView(id: accounts[i].id, profile: accounts[i].profile, info: infos[accounts[i].id])
            view.suspicion = AccountView.suspicion(view.profile, params, profile)
            view.isCandidate = AccountView.isCandidate(view.profile, suspicion: view.suspicion, params)
            return view
        }
        let candidates = views.indices.filter { views[$0].isCandidate }
        // Families over every account, so a prompt common among ordinary users is seen to be
        // common; the evidence that needs no families is gathered meanwhile.
        let suspected = views, threads = threads
        let (families, attributes) = bothInParallel(
            threads: threads,
            { PromptFamilies(accounts: suspected, include: { suspected[$0].profile.withPrompt > 0 }, params: params, threads: threads) },
            { AttributeEvidence(accounts: suspected, candidates: candidates, params: params) })
        for (account, plain, linking) in families.accountShares(threads: threads) {
            views[account].families = plain
            views[account].linkFamilies = linking
        }
        // Read per sample, in hash order: a flag per account, not a view each (millions of accounts).
        let isCandidate = views.map(\.isCandidate)
        let familyPurity = families.linkPurity { isCandidate[$0] }
        let judged = views
        let graph = EvidenceGraph(
            accounts: judged, candidates: candidates, attributes: attributes, familyPurity: familyPurity,
            params: params, threads: threads)
        // The dump-wide statistics only read the judged accounts: beside the grouping, whose
        // largest component is split on one thread (the graph above keeps every thread busy).
        let ((groups, activity), statistics) = bothInParallel(
            threads: threads,
            { () -> ([[Int]], [GroupActivity]) in
                var uf = UnionFind(judged.count)
                graph.edges.forEachPair { uf.union($0, $1) }
                let components = uf.groups(minSize: params.minCampaignAccounts).filter { $0.allSatisfy { judged[$0].isCandidate } }
                let splitter = CommunitySplit(
                    resolution: params.communityResolution, minDensity: params.communityMinDensity, sameMix: params.communitySameMix,
                    minAccounts: params.minCampaignAccounts)
                let groups = splitter.split(components, graph, judged, threads: threads)
                return (groups, parallelMap(groups.count, threads: threads) { GroupActivity(groups[$0], judged) })
            },
            { FamilyStatistics(judged, families).families })
        return Result(accounts: views, families: families, graph: graph, groups: groups, activity: activity, familyStatistics: statistics)
    }
}
