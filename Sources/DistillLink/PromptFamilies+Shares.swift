import DistillSupport

extension PromptFamilies {
    /// Linking family → the share of its sampled prompts sent by candidates, by family id
    /// (1 for an id that is no sample's linking family). By prompts, not accounts: ordinary
    /// users who happen to send one of the public questions a farm wraps add a prompt each,
    /// not a member as heavy as a farm account. An array, not a dictionary: a dump has a
    /// family for about every sampled prompt, and hashing each was a serial step of the link.
    package func linkPurity(isCandidate: (Int) -> Bool) -> [Double] {
        // Counted in arrays by linking family id (below `families.count`), not a dictionary per sample.
        var all = [Int](repeating: 0, count: families.count), candidate = all
        for i in samples.indices {
            let f = linkFamily[familyOf[i]]
            all[f] += 1
            if isCandidate(samples[i].account) { candidate[f] += 1 }
        }
        return all.indices.map { all[$0] > 0 ? Double(candidate[$0]) / Double(all[$0]) : 1 }
    }

    /// Family id → share of each account's samples, per account with samples; with
    /// `linking`, shares of linking families (siblings together), each the larger of the
    /// share among all the account's samples and among its extraction-part samples, so
    /// that ordinary chat mixed in does not dilute what the extraction part shares.
    /// `allFamilies: false` leaves out families that can link nobody (one account, with no
    /// sibling): millions of one-prompt accounts would otherwise each hold a dictionary.
    package func shares(linking: Bool = false, allFamilies: Bool = false) -> [(account: Int, shares: [Int: Double])] {
        let reach = reach(linking: linking)
        return perAccount(threads: 1) { account, entries in
            if linking { for k in entries.indices { entries[k].family = linkFamily[entries[k].family] } }
            return (account, Self.shares(&entries, linking: linking, allFamilies: allFamilies, reach: reach))
        }
    }

    /// Both tables of `shares` (`families` plain, `linkFamilies` by linking family) in one
    /// pass over each account's samples, ascending, leaving out the accounts whose tables are
    /// both empty (millions of one-prompt accounts share no family).
    package func accountShares(threads: Int) -> [(account: Int, families: [Int: Double], linkFamilies: [Int: Double])] {
        let plain = reach(linking: false), linking = reach(linking: true)
        return perAccount(threads: threads) { account, entries in
            let families = Self.shares(&entries, linking: false, allFamilies: false, reach: plain)
            for k in entries.indices { entries[k].family = linkFamily[entries[k].family] }
            let linkFamilies = Self.shares(&entries, linking: true, allFamilies: false, reach: linking)
            return families.isEmpty && linkFamilies.isEmpty ? nil : (account, families, linkFamilies)
        }
    }

    /// One sample of an account: its family and in which of the account's sketches it is.
    struct ShareEntry {
        var family: Int
        var general: Bool
        var part: Bool
    }

    /// Accounts per family (per linking family: summed over its siblings, an upper bound
    /// that is 1 only for a lone family of one account).
    private func reach(linking: Bool) -> [Int] {
        var reach = [Int](repeating: 0, count: families.count)
        for f in families.indices { reach[linking ? linkFamily[f] : f] += families[f].accounts.count }
        return reach
    }

    /// `body` for each account with samples (ascending) and its samples' entries (plain
    /// family ids), on all threads in runs of accounts; the non-nil results in account order.
    private func perAccount<T: Sendable>(threads: Int, _ body: @Sendable (Int, inout [ShareEntry]) -> T?) -> [T] {
        let (first, order) = Self.byAccount(samples)
        let bound = first.count - 1, run = 2048
        return parallelMap((bound + run - 1) / run, threads: threads) { r -> [T] in
            var out: [T] = []
            var entries: [ShareEntry] = []
            for a in (r * run)..<min(bound, (r + 1) * run) where first[a] < first[a + 1] {
                entries.removeAll(keepingCapacity: true)
                for k in first[a]..<first[a + 1] {
                    let i = Int(order[k])
                    entries.append(ShareEntry(family: familyOf[i], general: samples[i].general, part: samples[i].part))
                }
                if let t = body(a, &entries) { out.append(t) }
            }
            return out
        }.flatMap { $0 }
    }

    /// One account's shares from its samples' entries (reordered by family here).
    static func shares(_ entries: inout [ShareEntry], linking: Bool, allFamilies: Bool, reach: [Int]) -> [Int: Double] {
        var generalTotal = 0, partTotal = 0
        for e in entries {
            if e.general { generalTotal += 1 }
            if e.part { partTotal += 1 }
        }
        entries.sort { $0.family < $1.family }
        var shares: [Int: Double] = [:]
        var k = 0
        while k < entries.count {
            var m = k, general = 0, part = 0
            while m < entries.count && entries[m].family == entries[k].family {
                if entries[m].general { general += 1 }
                if entries[m].part { part += 1 }
                m += 1
            }
            var share = generalTotal == 0 ? 0 : Double(general) / Double(generalTotal)
            if linking && partTotal > 0 { share = max(share, Double(part) / Double(partTotal)) }
            if allFamilies || reach[entries[k].family] >= 2 { shares[entries[k].family] = share }
            k = m
        }
        return shares
    }
}
