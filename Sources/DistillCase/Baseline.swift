import DistillReport
import DistillScan
import DistillScore

/// How one campaign changed since the prior report (docs/report.md, "Change status").
package struct CampaignChange: Sendable, Equatable {
    package enum Status: String, Sendable, CaseIterable {
        case new, grown, shrunk, changed, unchanged, gone
    }
    package var status: Status
    /// The id in the new report (for `gone`: the prior id).
    package var id: String
    /// The prior campaign it continues, if any.
    package var priorID: String?
    /// The id printed in the new report itself (differs from `id` only in `diff`, when the
    /// new report was written without `--baseline`); nil for `gone`.
    package var reportID: String?
    package var severityBefore: String?
    package var severityAfter: String?
    package var scoreBefore: Double?
    package var scoreAfter: Double?
    package var accountsBefore: Int
    package var accountsAfter: Int
    package var requestsBefore: Int?
    package var requestsAfter: Int?
    package var added: [String]
    package var removed: [String]
}

/// The comparison of a report with a prior one.
package struct Comparison: Sendable {
    package var priorPath: String
    package var priorSHA256: String
    package var priorCampaigns: Int
    /// One per campaign of the new report, in its order.
    package var changes: [CampaignChange]
    /// Prior campaigns that no new campaign continues, in the prior order.
    package var gone: [CampaignChange]

    package func count(_ s: CampaignChange.Status) -> Int { (changes + gone).filter { $0.status == s }.count }
}

/// Carrying ids over from a prior report and telling what changed.
package enum Baseline {
    /// Shared members must be more than this share of the smaller campaign to continue it.
    package static let minOverlap = 0.5

    /// New id for each current campaign id: the prior id of the campaign it continues
    /// (largest overlap first, one to one), else its own id (suffixed if taken).
    package static func match(prior: [CampaignDigest], current: [CampaignDigest]) -> [String: String] {
        var priorOf: [String: Int] = [:]
        for (i, p) in prior.enumerated() { for a in p.accounts { priorOf[a] = i } }
        var candidates: [(overlap: Int, prior: Int, current: Int)] = []
        for (j, c) in current.enumerated() {
            var shared: [Int: Int] = [:]
            for a in c.accounts { if let i = priorOf[a] { shared[i, default: 0] += 1 } }
            for (i, n) in shared where Double(n) > minOverlap * Double(min(prior[i].accounts.count, c.accounts.count)) {
                candidates.append((n, i, j))
            }
        }
        candidates.sort { ($1.overlap, prior[$0.prior].id, current[$0.current].id) < ($0.overlap, prior[$1.prior].id, current[$1.current].id) }
        var usedPrior = Set<Int>(), assigned: [Int: String] = [:]
        for c in candidates where !usedPrior.contains(c.prior) && assigned[c.current] == nil {
            usedPrior.insert(c.prior)
            assigned[c.current] = prior[c.prior].id
        }
        var taken = Set(assigned.values)
        var out: [String: String] = [:]
        for (j, c) in current.enumerated() {
            if let id = assigned[j] { out[c.id] = id; continue }
            var id = c.id, k = 2
            while taken.contains(id) { id = c.id + "-\(k)"; k += 1 }
            taken.insert(id)
            out[c.id] = id
        }
        return out
    }

    /// Compares current campaigns (ids already carried over by `match`) with the prior ones.
    package static func compare(
        prior: [CampaignDigest], current: [CampaignDigest], priorPath: String, priorSHA256: String,
        reportIDs: [String: String] = [:]
    ) -> Comparison {
        let byID = Dictionary(prior.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        var changes: [CampaignChange] = []
        for c in current {
            guard let p = byID[c.id] else {
                changes.append(
                    CampaignChange(
                        status: .new, id: c.id, priorID: nil, reportID: reportIDs[c.id] ?? c.id, severityBefore: nil, severityAfter: c.severity,
                        scoreBefore: nil, scoreAfter: c.score, accountsBefore: 0, accountsAfter: c.accounts.count,
                        requestsBefore: nil, requestsAfter: c.requests, added: c.accounts, removed: []))
                continue
            }
            let before = Set(p.accounts), after = Set(c.accounts)
            let added = c.accounts.filter { !before.contains($0) }, removed = p.accounts.filter { !after.contains($0) }
            let status: CampaignChange.Status
            switch (added.isEmpty, removed.isEmpty) {
            case (true, true): status = p.severity == c.severity ? .unchanged : .changed
            case (false, true): status = .grown
            case (true, false): status = .shrunk
            case (false, false): status = .changed
            }
            changes.append(
                CampaignChange(
                    status: status, id: c.id, priorID: p.id, reportID: reportIDs[c.id] ?? c.id, severityBefore: p.severity, severityAfter: c.severity,
                    scoreBefore: p.score, scoreAfter: c.score, accountsBefore: p.accounts.count, accountsAfter: c.accounts.count,
                    requestsBefore: p.requests, requestsAfter: c.requests, added: added, removed: removed))
        }
        let continued = Set(current.map(\.id))
        let gone = prior.filter { !continued.contains($0.id) }.map { p in
            CampaignChange(
                status: .gone, id: p.id, priorID: p.id, reportID: nil, severityBefore: p.severity, severityAfter: nil, scoreBefore: p.score,
                scoreAfter: nil, accountsBefore: p.accounts.count, accountsAfter: 0, requestsBefore: p.requests, requestsAfter: nil,
                added: [], removed: p.accounts)
        }
        return Comparison(priorPath: priorPath, priorSHA256: priorSHA256, priorCampaigns: prior.count, changes: changes, gone: gone)
    }

    /// `analyze --baseline`: carries the prior ids over to the report's campaigns and adds
    /// the comparison as the report's `baseline` section.
    package static func apply(_ prior: ReportFile, to report: AnalysisReport) -> (AnalysisReport, Comparison) {
        var r = report
        let renames = match(prior: prior.digests, current: report.campaigns.map(CampaignDigest.init))
        for i in r.campaigns.indices { r.campaigns[i].id = renames[r.campaigns[i].id] ?? r.campaigns[i].id }
        r.campaigns.sort(by: Campaign.reportOrder)
        let comparison = compare(prior: prior.digests, current: r.campaigns.map(CampaignDigest.init), priorPath: prior.path, priorSHA256: prior.sha256)
        r.sections.append(ReportSection(key: "baseline", json: comparison.json, markdown: comparison.markdown(title: "Changes since the baseline")))
        return (r, comparison)
    }

    /// `distillscan diff OLD NEW`: the same comparison from two saved reports.
    package static func diff(old: ReportFile, new: ReportFile) -> Comparison {
        let renames = match(prior: old.digests, current: new.digests)
        let current = new.digests.map { d -> CampaignDigest in
            var d = d; d.id = renames[d.id] ?? d.id; return d
        }
        let reportIDs = Dictionary(new.digests.map { (renames[$0.id] ?? $0.id, $0.id) }, uniquingKeysWith: { a, _ in a })
        return compare(prior: old.digests, current: current, priorPath: old.path, priorSHA256: old.sha256, reportIDs: reportIDs)
    }
}
