/// The per-request updates that go through the open days and open models: a request on
/// the same day or model as the account's previous one touches only the profile itself.
extension AccountProfile.Grown {
    /// Counts a request at `minute` of `hour` of epoch `day`.
    mutating func countActivity(day: Int32, hour: Int, minute: Int) {
        hourCounts[hour] += 1
        if minuteCounts[minute] < .max { minuteCounts[minute] += 1 }
        if day != openDay {
            if day == previousDay {
                swap(&openDay, &previousDay)
                swap(&openDayActivity, &previousDayActivity)
            } else {
                // A third day: the older of the two open ones goes into the table.
                closePreviousDay()
                previousDay = openDay
                previousDayActivity = openDayActivity
                openDay = day
                openDayActivity = AccountProfile.DayActivity()
            }
        }
        openDayActivity.requests += 1
        openDayActivity.hours |= 1 << UInt32(hour)
    }

    /// Counts a request to `model` at `time`.
    mutating func countModel(_ model: String, at time: Int64) {
        // By bytes: two spellings of one model are open apart and joined by `addModel`,
        // whose choice of name does not depend on which came first.
        if !AccountProfile.sameSpelling(model, openModel) {
            if AccountProfile.sameSpelling(model, previousModel) {
                swap(&openModel, &previousModel)
                swap(&openModelUse, &previousModelUse)
            } else if AccountProfile.sameSpelling(model, olderModel) {
                // open <- older, previous <- open, older <- previous.
                swap(&openModel, &olderModel)
                swap(&openModelUse, &olderModelUse)
                swap(&previousModel, &olderModel)
                swap(&previousModelUse, &olderModelUse)
            } else {
                // A fourth model: the oldest of the three open ones goes into the list.
                if let m = olderModel { AccountProfile.addModel(&modelList, m, olderModelUse) }
                olderModel = previousModel
                olderModelUse = previousModelUse
                previousModel = openModel
                previousModelUse = openModelUse
                openModel = model
                openModelUse = AccountProfile.ModelUse(requests: 0, firstSeen: .max)
            }
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

    /// Moves the open days and models into their tables.
    mutating func closeOpenEntries() {
        closeDay()
        closeModel()
    }

    /// Moves the open days into the day table.
    mutating func closeDay() {
        closePreviousDay()
        guard openDay != .min else { return }
        dayTable[openDay, default: AccountProfile.DayActivity()].add(openDayActivity)
        openDay = .min
        openDayActivity = AccountProfile.DayActivity()
    }

    /// Moves the older open day into the day table.
    mutating func closePreviousDay() {
        guard previousDay != .min else { return }
        dayTable[previousDay, default: AccountProfile.DayActivity()].add(previousDayActivity)
        previousDay = .min
        previousDayActivity = AccountProfile.DayActivity()
    }

    /// Moves the open models into the model list (trimmed to `modelCap`; the kept set does
    /// not depend on the order models are added in).
    mutating func closeModel() {
        if let m = openModel { AccountProfile.addModel(&modelList, m, openModelUse) }
        if let m = previousModel { AccountProfile.addModel(&modelList, m, previousModelUse) }
        openModel = nil
        openModelUse = AccountProfile.ModelUse(requests: 0, firstSeen: .max)
        previousModel = nil
        previousModelUse = AccountProfile.ModelUse(requests: 0, firstSeen: .max)
        if let m = olderModel { AccountProfile.addModel(&modelList, m, olderModelUse) }
        olderModel = nil
        olderModelUse = AccountProfile.ModelUse(requests: 0, firstSeen: .max)
    }
}
