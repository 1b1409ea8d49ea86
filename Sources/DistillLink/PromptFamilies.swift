import DistillDecode
import DistillInput
import DistillProfile
import DistillSupport

/// Groups sampled prompts into families of near-duplicates by what prompts share with
/// other accounts' prompts: each prompt's shingle sample (`ShingleSketch`) loses the
/// shingles no other account has (a per-request payload: a dataset question, a paragraph
/// of context) and those common across ordinary accounts (everyday phrases), so a fixed
/// instruction skeleton around a large payload still forms a family. MinHash signatures
/// of what is left, LSH banding for candidates, then an exact check of the estimated
/// Jaccard similarity (LSH alone admits a pair at the threshold only about half the time).
/// Families whose accounts largely coincide (paraphrased wordings of one skeleton used by
/// the same accounts) form one linking family (`linkFamily`).
package struct PromptFamilies: Sendable {
    /// One family.
    package struct Family: Sendable {
        package var id: Int
        /// Indexes into `samples`.
        package var members: [Int]
        /// Indexes of the accounts whose samples are in it, ascending, each once. An array,
        /// not a set: most families hold one prompt, and a dump has about a family per
        /// sampled prompt (a set each was a hashed table each).
        package var accounts: [Int]
    }

    /// A sampled prompt of an account.
    package struct Sample: Sendable {
        package var account: Int
        package var hash: UInt64
        package var count: Int
        package var prompt: AccountProfile.PromptSample
        /// In the account's general sample, its extraction-part sample, or both (a kept
        /// key's sketch membership is exact under merging, unlike a flag in the payload).
        package var general = true
        package var part = false
    }

    package var samples: [Sample]
    package var families: [Family]
    /// Sample index → family id.
    package var familyOf: [Int]
    /// Family id → linking family id (the smallest family id among its siblings).
    package var linkFamily: [Int]

    package init(accounts: [AccountView], include: @Sendable (Int) -> Bool, params: LinkParameters, threads: Int = 1) {
        let s = Self.gather(accounts, include: include, threads: threads)
        samples = s
        let ordinary = accounts.indices.filter { include($0) && !accounts[$0].isCandidate }.count
        // Read per sample, in hash order: a flag per account, not a view each (millions of accounts).
        let isCandidate = accounts.map(\.isCandidate)
        let kept = SharedShingles.filter(
            s, isCandidate: { isCandidate[$0] },
            backgroundCap: max(params.familyBackgroundFloor, Int(params.familyBackgroundShare * Double(ordinary))),
            threads: threads)
        var uf = UnionFind(s.count)
        let bins = ShingleSignature.bins
        let bands = max(1, min(params.lshBands, bins))
        let rows = bins / bands
        // Signatures of the kept shingles in one flat array; a prompt with too few shingles
        // shared with other accounts joins no family.
        let signed = (0..<kept.count).filter { kept[$0].count >= params.familyMinShingles }
        let chunk = 2048
        let flat = parallelMap((signed.count + chunk - 1) / chunk, threads: threads) { c -> [UInt32] in
            var part = [UInt32]()
            part.reserveCapacity(chunk * bins)
            for i in signed[(c * chunk)..<min(signed.count, (c + 1) * chunk)] { part += ShingleSignature(shingles: kept[i]).values }
            return part
        }.flatMap { $0 }
        let signatures = flat
        let count = signed.count
        precondition(signatures.count == count * bins, "a signature of \(bins) values per signed sample")
        @Sendable func similarity(_ x: Int, _ y: Int) -> Double {
            // Both rows checked once, then compared lane by lane without a check per lane (the
            // LSH buckets compare up to two a sample and band: 16 × 23,216 samples on the x1 bench corpus).
            precondition(x >= 0 && y >= 0 && x < count && y < count, "a signature row outside the signed samples")
            // SAFETY: `signatures` holds `count` rows of `bins` values (`flat` was built so), and rows
            // `x` and `y` are below `count` (checked above); the pointer is used only inside the closure.
            let same = signatures.withUnsafeBufferPointer { all in
                let a = all.baseAddress! + x * bins, b = all.baseAddress! + y * bins
                var same = 0
                for k in 0..<bins where a[k] == b[k] { same += 1 }
                return same
            }
            return Double(same) / Double(bins)
        }
        // Bands are independent: each yields the unions its buckets justify, and the
        // components do not depend on the order of unions.
        let unions = parallelMap(bands, threads: threads) { b -> [(Int, Int)] in
            // A bucket is a run of equal band hashes; the sort is stable and the samples start in
            // order, so each bucket's members are in sample order.
            var hashes = [UInt64](repeating: 0, count: count)
            for i in 0..<count {
                var h = UInt64(b) &* 0x9E37_79B9
                for r in 0..<rows { h = StableHash.mix(h ^ UInt64(signatures[i * bins + b * rows + r])) }
                hashes[i] = h
            }
            // Signed samples are array positions, below 2^31.
            var order = (0..<count).map { Int32(truncatingIfNeeded: $0) }
            RadixSort.sortByKey(&hashes, &order)
            var out: [(Int, Int)] = []
            var start = 0
            while start < count {
                var end = start + 1
                while end < count && hashes[end] == hashes[start] { end += 1 }
                // Compare each member with the bucket's first and with its predecessor: linear, not quadratic.
                let first = Int(order[start])
                for j in (start + 1)..<max(start + 1, end) {
                    let m = Int(order[j])
                    if similarity(m, first) >= params.familySimilarity {
                        out.append((m, first))
                    } else if similarity(m, Int(order[j - 1])) >= params.familySimilarity {
                        out.append((m, Int(order[j - 1])))
                    }
                }
                start = end
            }
            return out
        }
        for band in unions { for (x, y) in band { uf.union(signed[x], signed[y]) } }
        let groups = uf.groups()
        var of = [Int](repeating: -1, count: s.count)
        for id in groups.indices { for m in groups[id] { of[m] = id } }
        // The accounts of each family (most of them of one sample), ascending: made on all threads.
        let accountOf = s.map(\.account)
        let fams = parallelArray(groups.count, threads: threads, run: 4096) { id in
            Family(id: id, members: groups[id], accounts: Self.distinctAscending(groups[id].map { accountOf[$0] }))
        }
        families = fams
        familyOf = of
        linkFamily = Self.siblings(fams, candidates: { accounts[$0].isCandidate }, params: params)
    }

    /// `accounts` sorted, each once.
    static func distinctAscending(_ accounts: [Int]) -> [Int] {
        guard accounts.count > 1 else { return accounts }
        var sorted = accounts.sorted()
        var kept = 1
        for i in 1..<sorted.count where sorted[i] != sorted[kept - 1] {
            sorted[kept] = sorted[i]
            kept += 1
        }
        sorted.removeLast(sorted.count - kept)
        return sorted
    }

    /// Families whose candidate accounts largely coincide are siblings: one campaign's
    /// paraphrased wordings, each used by many of the same accounts. The overlap
    /// coefficient of their candidate sets must reach `familySiblingOverlap` with at least
    /// `familySiblingAccounts` shared candidates.
    static func siblings(_ fams: [Family], candidates: (Int) -> Bool, params: LinkParameters) -> [Int] {
        var byAccount: [Int: [Int]] = [:]
        var size = [Int](repeating: 0, count: fams.count)
        for f in fams where f.accounts.count >= 2 {
            for a in f.accounts where candidates(a) { byAccount[a, default: []].append(f.id); size[f.id] += 1 }
        }
        var together: [UInt64: Int] = [:]
        for (_, fs) in byAccount where fs.count > 1 {
            let sorted = fs.sorted()
            for i in 0..<sorted.count { for j in (i + 1)..<sorted.count { together[UInt64(sorted[i]) << 32 | UInt64(sorted[j]), default: 0] += 1 } }
        }
        var uf = UnionFind(fams.count)
        for (key, n) in together where n >= params.familySiblingAccounts {
            let f = Int(key >> 32), g = Int(key & 0xFFFF_FFFF)
            if Double(n) >= params.familySiblingOverlap * Double(min(size[f], size[g])) { uf.union(f, g) }
        }
        return fams.indices.map { uf.find($0) }
    }
}
