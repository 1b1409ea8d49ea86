import DistillSupport
import Foundation

/// `distillscan eval`: scores a report's campaigns against a corpus's truth.json.
/// Account level: precision / recall / F1 of "reported in some campaign". Grouping:
/// B-cubed precision / recall / F1 over all accounts (unreported accounts are singletons,
/// benign accounts each their own truth cluster). Per truth campaign: recall and
/// fragmentation (how many reported campaigns its accounts are spread over). False
/// positives by benign population and the highest severity they got.
package struct Evaluation: Sendable {
    package struct CampaignScore: Sendable { package var id: String; package var style: String; package var size: Int; package var recall: Double; package var fragments: Int }
    package struct FalsePositives: Sendable { package var population: String; package var accounts: Int; package var worstSeverity: String }

    package var precision = 0.0, recall = 0.0, f1 = 0.0
    package var bcubedPrecision = 0.0, bcubedRecall = 0.0, bcubedF1 = 0.0
    package var reportedAccounts = 0, truthCampaignAccounts = 0
    package var campaigns: [CampaignScore] = []
    package var falsePositives: [FalsePositives] = []
    /// Benign accounts reported at medium severity or above.
    package var benignAtMediumOrAbove = 0

    /// Why the files could not be evaluated.
    package struct Invalid: StatusError {
        package var description: String
        /// 3 when a file cannot be read, 2 when it is not what `eval` takes.
        package var exitStatus: ExitStatus = .usage
    }

    package static func load(report: String, truth: String) throws -> Evaluation {
        func json(_ p: String) throws -> [String: Any] {
            guard let d = FileManager.default.contents(atPath: p) else { throw Invalid(description: "\(p): cannot read the file; check the path and permissions", exitStatus: .inputIncomplete) }
            guard let o = try? JSONSerialization.jsonObject(with: d) as? [String: Any] else { throw Invalid(description: "\(p): not a JSON object") }
            return o
        }
        let r = try json(report), t = try json(truth)
        guard let cs = r["campaigns"] as? [[String: Any]] else { throw Invalid(description: "\(report): no \"campaigns\" list; give the output of `analyze --format json`") }
        guard let ta = t["accounts"] as? [String: [String: Any]] else { throw Invalid(description: "\(truth): no \"accounts\" map; give a truth.json written by `distillscan synth`") }
        let predicted = cs.map { c in (id: c["id"] as? String ?? "?", severity: c["severity"] as? String ?? "low", accounts: (c["accounts"] as? [String]) ?? []) }
        let truthMap = ta.mapValues { (kind: $0["kind"] as? String ?? "benign", group: $0["group"] as? String ?? "?", population: $0["population"] as? String ?? "?") }
        var styles: [String: String] = [:]
        for c in (t["campaigns"] as? [[String: Any]]) ?? [] { if let id = c["id"] as? String { styles[id] = c["style"] as? String ?? "?" } }
        return evaluate(predicted: predicted, truth: truthMap, styles: styles)
    }

    package static func evaluate(
        predicted: [(id: String, severity: String, accounts: [String])],
        truth: [String: (kind: String, group: String, population: String)],
        styles: [String: String] = [:]
    ) -> Evaluation {
        var e = Evaluation()
        var predOf: [String: Int] = [:]
        for (i, p) in predicted.enumerated() { for a in p.accounts where predOf[a] == nil { predOf[a] = i } }
        let positives = Set(truth.filter { $0.value.kind == "campaign" }.keys)
        let reported = Set(predOf.keys)
        let tp = reported.intersection(positives).count
        e.reportedAccounts = reported.count
        e.truthCampaignAccounts = positives.count
        e.precision = reported.isEmpty ? (positives.isEmpty ? 1 : 0) : Double(tp) / Double(reported.count)
        e.recall = positives.isEmpty ? 1 : Double(tp) / Double(positives.count)
        e.f1 = e.precision + e.recall == 0 ? 0 : 2 * e.precision * e.recall / (e.precision + e.recall)
        // B-cubed over every account in the truth or the report.
        let all = Set(truth.keys).union(reported).sorted()
        func truthCluster(_ a: String) -> String { if let t = truth[a], t.kind == "campaign" { return "T:" + t.group }; return "S:" + a }
        func predCluster(_ a: String) -> String { predOf[a].map { "P:\($0)" } ?? "S:" + a }
        var tSize: [String: Int] = [:], pSize: [String: Int] = [:], both: [String: Int] = [:]
        for a in all { tSize[truthCluster(a), default: 0] += 1; pSize[predCluster(a), default: 0] += 1; both[truthCluster(a) + "|" + predCluster(a), default: 0] += 1 }
        var bp = 0.0, br = 0.0
        for a in all {
            let n = Double(both[truthCluster(a) + "|" + predCluster(a)]!)
            bp += n / Double(pSize[predCluster(a)]!)
            br += n / Double(tSize[truthCluster(a)]!)
        }
        e.bcubedPrecision = all.isEmpty ? 1 : bp / Double(all.count)
        e.bcubedRecall = all.isEmpty ? 1 : br / Double(all.count)
        e.bcubedF1 = e.bcubedPrecision + e.bcubedRecall == 0 ? 0 : 2 * e.bcubedPrecision * e.bcubedRecall / (e.bcubedPrecision + e.bcubedRecall)
        var byGroup: [String: [String]] = [:]
        for (a, t) in truth where t.kind == "campaign" { byGroup[t.group, default: []].append(a) }
        e.campaigns = byGroup.keys.sorted { ($0.count, $0) < ($1.count, $1) }.map { g in
            let members = byGroup[g]!
            let found = members.filter { predOf[$0] != nil }
            return CampaignScore(
                id: g, style: styles[g] ?? truth[members[0]]!.population, size: members.count,
                recall: Double(found.count) / Double(members.count), fragments: Set(found.compactMap { predOf[$0] }).count)
        }
        let order = ["low", "medium", "high", "critical"]
        var fp: [String: (Int, Int)] = [:]
        for a in reported.sorted() {
            guard let t = truth[a], t.kind != "campaign" else { continue }
            let sev = order.firstIndex(of: predicted[predOf[a]!].severity) ?? 0
            let cur = fp[t.population] ?? (0, -1)
            fp[t.population] = (cur.0 + 1, max(cur.1, sev))
            if sev >= 1 { e.benignAtMediumOrAbove += 1 }
        }
        e.falsePositives = fp.keys.sorted().map { FalsePositives(population: $0, accounts: fp[$0]!.0, worstSeverity: order[fp[$0]!.1]) }
        // Accounts the report names that the truth does not know count as false positives too.
        let unknown = reported.filter { truth[$0] == nil }.count
        if unknown > 0 { e.falsePositives.append(FalsePositives(population: "(not in truth)", accounts: unknown, worstSeverity: "?")) }
        return e
    }
}
