extension PromptFamilies {
    /// The prompt samples of each account, for readers that want those of a few accounts
    /// many times (scoring, once per campaign): a walk over every sample per campaign, and
    /// a flag per account per campaign, grew with the campaigns times the dump.
    package struct AccountSamples: Sendable {
        /// Account `a`'s samples are `order[start[a]..<start[a + 1]]`, ascending, for the
        /// accounts below `start.count - 1` (the others have none).
        private let start: [Int]
        private let order: [Int32]

        package init(_ families: PromptFamilies) {
            (start, order) = PromptFamilies.byAccount(families.samples)
        }

        /// No samples (a context before the families are known).
        package init() {
            start = [0]
            order = []
        }

        /// The indexes of the samples of `accounts` (each account counted once), ascending:
        /// the order in which a walk over every sample meets them.
        package func samples(of accounts: [Int]) -> [Int] {
            var out: [Int] = []
            for a in Set(accounts) where a >= 0 && a < start.count - 1 {
                for i in order[start[a]..<start[a + 1]] { out.append(Int(i)) }
            }
            out.sort()
            return out
        }
    }
}
