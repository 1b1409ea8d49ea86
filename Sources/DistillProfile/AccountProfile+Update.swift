/// The per-request updates that go through the open day and open model: a request on
/// the same day or model as the account's previous one touches only the profile itself.
extension AccountProfile.Grown {
    /// Counts a request at `minute` of `hour` of epoch `day`.
    mutating func countActivity(day: Int32, hour: Int, minute: Int) {
        hourCounts[hour] += 1
        if minuteCounts[minute] < .max { minuteCounts[minute] += 1 }
        if day != openDay {
            closeDay()
            openDay = day
        }
        openDayActivity.requests += 1
        openDayActivity.hours |= 1 << UInt32(hour)
    }

    /// Counts a request to `model` at `time`.
    mutating func countModel(_ model: String, at time: Int64) {
        if model != openModel {
            closeModel()
            openModel = model
        }
        openModelUse.requests += 1
        openModelUse.firstSeen = min(openModelUse.firstSeen, time)
    }

    /// Counts the intent tags of a request (a bit set over `IntentTag.allCases`).
    mutating func countIntents(_ tags: UInt8) {
        var t = tags
        while t != 0 {
            intentCounts[t.trailingZeroBitCount] += 1
            t &= t - 1
        }
    }

    /// Moves the open day and model into their tables.
    mutating func closeOpenEntries() {
        closeDay()
        closeModel()
    }

    /// Moves the open day into the day table.
    mutating func closeDay() {
        guard openDay != .min else { return }
        dayTable[openDay, default: AccountProfile.DayActivity()].add(openDayActivity)
        openDay = .min
        openDayActivity = AccountProfile.DayActivity()
    }

    /// Moves the open model into the model list (trimmed to `modelCap`).
    mutating func closeModel() {
        guard let m = openModel else { return }
        AccountProfile.addModel(&modelList, m, openModelUse)
        openModel = nil
        openModelUse = AccountProfile.ModelUse(requests: 0, firstSeen: .max)
    }
}
