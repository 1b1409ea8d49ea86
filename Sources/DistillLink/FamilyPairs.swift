/// The pairs of candidates sharing a prompt family, made per account while the evidence
/// is folded instead of stored: one family popular among suspicious accounts alone can
/// pair up millions of candidates. A family counts in proportion to how concentrated it
/// is among suspicious accounts: a prompt that many ordinary accounts also send links
/// nobody. A pair's contributions come in ascending family id.
struct FamilyPairs: PairSource {
    var kind: EvidenceKind { .family }
    let cap: Double
    let bound: Int
    private let weight: Double
    /// Per family (ascending id, at least two candidates): its members' range in
    /// `member`/`share` (ascending account) and its purity.
    private var familyStart: [Int] = [0]
    private var purity: [Double] = []
    private var member: [Int] = []
    private var share: [Double] = []
    /// Per account, the range in `entryFamily`/`entryPosition` of the families it is in
    /// (ascending) and its position among each one's members.
    private var entryStart: [Int]
    private var entryFamily: [Int32]
    private var entryPosition: [Int32]

    /// `members[f]`: the candidates in family `f` (ascending) and the share of their
    /// prompts in it; `purity[f]`: the share of the family's sampled prompts sent by candidates
    /// (`PromptFamilies.linkPurity`: an entry for every family id).
    init(members: [Int: [(account: Int, share: Double)]], purity familyPurity: [Double], weight: Double, cap: Double, bound: Int) {
        self.weight = weight
        self.cap = cap
        self.bound = bound
        var perAccount = [Int](repeating: 0, count: bound + 1)
        for (f, m) in members.sorted(by: { $0.key < $1.key }) where m.count > 1 {
            purity.append(familyPurity[f])
            for x in m {
                member.append(x.account)
                share.append(x.share)
                perAccount[x.account + 1] += 1
            }
            familyStart.append(member.count)
        }
        for a in 0..<bound { perAccount[a + 1] += perAccount[a] }
        entryStart = perAccount
        entryFamily = [Int32](repeating: 0, count: perAccount[bound])
        entryPosition = [Int32](repeating: 0, count: perAccount[bound])
        var next = perAccount
        for f in purity.indices {
            for (position, i) in (familyStart[f]..<familyStart[f + 1]).enumerated() {
                let a = member[i]
                entryFamily[next[a]] = Int32(f)
                entryPosition[next[a]] = Int32(position)
                next[a] += 1
            }
        }
    }

    func count(_ a: Int) -> Int {
        var n = 0
        for e in entryStart[a]..<entryStart[a + 1] {
            let f = Int(entryFamily[e])
            n += familyStart[f + 1] - familyStart[f] - 1 - Int(entryPosition[e])
        }
        return n
    }

    func forEach(_ a: Int, _ body: (Int, Double) -> Void) {
        for e in entryStart[a]..<entryStart[a + 1] {
            let f = Int(entryFamily[e])
            let mine = familyStart[f] + Int(entryPosition[e])
            for i in (mine + 1)..<familyStart[f + 1] {
                let w = min(share[mine], share[i]) * weight * purity[f]
                if w > 0 { body(member[i], w) }
            }
        }
    }
}
