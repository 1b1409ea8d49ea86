import DistillDecode
import Testing

@testable import DistillProfile

/// Activity per day of a profile: the profile keeps two days open (scan workers decode
/// two days' files at once, so an account's requests alternate between them), and
/// whatever order the requests come in, and however they are split between merged
/// states, the table is the definition's.
@Suite("day activity")
struct DayActivityTests {
    static let day: Int64 = 86_400_000

    /// Requests at these times (milliseconds), in this order, for one account.
    func activity(_ times: [Int64]) -> [Int32: AccountProfile.DayActivity] {
        var state = ProfileState(parameters: ProfileParameters(), matcher: IntentMatcher(pack: .builtIn))
        for t in times { state.consume(RequestRecord(timestamp: t, account: "a")) }
        return state.accountsByID[0].profile.activity
    }

    /// The definition: requests and the hours (bit set) of each epoch day.
    func expected(_ times: [Int64]) -> [Int32: AccountProfile.DayActivity] {
        var d: [Int32: AccountProfile.DayActivity] = [:]
        for t in times {
            let (day, hour, _) = AccountProfile.clock(t)
            d[day, default: .init()].requests += 1
            d[day, default: .init()].hours |= 1 << UInt32(hour)
        }
        return d
    }

    /// Two days alternating, then a third, then the first again: every switch goes
    /// through the open days, the third day closes the older one into the table.
    @Test func requestsAlternatingBetweenDaysCountEachDayOnce() {
        let base: Int64 = 1_780_000_000_000
        let times = (0..<60).map { i in base + Int64(i % 2) * Self.day + Int64(i) * 3_600_000 / 7 }
            + [base + 5 * Self.day, base + 1_000, base + Self.day + 2_000, base + 9 * Self.day, base + 5 * Self.day + 7]
        #expect(activity(times) == expected(times))
    }

    /// Read before the open days are closed (`accountsByID` closes them): the readers add
    /// both open days and all three open models to the tables.
    @Test func readersCountTheOpenDaysAndModels() {
        let base: Int64 = 1_780_000_000_000
        let models = ["m-a", "m-b", "m-c", "m-d", "m-b", "m-c"]
        let times = (0..<30).map { i in base + Int64(i % 3) * Self.day + Int64(i) * 60_000 }
        var state = ProfileState(parameters: ProfileParameters(), matcher: IntentMatcher(pack: .builtIn))
        for (i, t) in times.enumerated() {
            var r = RequestRecord(timestamp: t, account: "a")
            r.model = models[i % models.count]
            state.consume(r)
        }
        let open = state.profiles[0]
        #expect(open.storage.grown?.state.hasOpenEntries == true)
        #expect(open.activity == expected(times))
        var uses: [String: Int] = [:]
        for i in times.indices { uses[models[i % models.count], default: 0] += 1 }
        #expect(open.models.mapValues(\.requests) == uses)
        var seen: [String: Int] = [:]
        open.forEachModel { m, u in seen[m] = u.requests }
        #expect(seen == uses)
    }

    /// States fed alternate requests, merged, equal one state fed all of them.
    @Test func mergedStatesWithOpenDaysEqualOneState() {
        let base: Int64 = 1_780_000_000_000
        let times = (0..<90).map { i in base + Int64(i % 3) * Self.day + Int64(i) * 60_000 }
        var a = ProfileState(parameters: ProfileParameters(), matcher: IntentMatcher(pack: .builtIn))
        var b = a
        for (i, t) in times.enumerated() { if i % 2 == 0 { a.consume(RequestRecord(timestamp: t, account: "a")) } else { b.consume(RequestRecord(timestamp: t, account: "a")) } }
        a.merge(b)
        #expect(a.accountsByID[0].profile.activity == expected(times))
    }
}
