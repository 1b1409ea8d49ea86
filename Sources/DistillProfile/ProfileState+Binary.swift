import DistillDecode
import DistillInput

/// The state file's form of the profile pass: every account in ascending id order with
/// its profile (`AccountProfile+Binary`).
extension ProfileState {
    package func encode(into w: inout BinaryWriter) {
        let all = accountsByID
        w.count(all.count)
        for (id, profile) in all {
            w.string(id)
            profile.encode(into: &w)
        }
    }

    package static func decode(_ r: inout BinaryReader, parameters: ProfileParameters, matcher: IntentMatcher) throws(BinaryReader.Malformed) -> ProfileState {
        var state = ProfileState(parameters: parameters, matcher: matcher)
        // An encoded profile takes over 100 bytes (fixed tables of one-byte zeros at least),
        // which bounds what a damaged count can reserve.
        let n = try r.count(itemBytes: 100)
        state.ids.reserveCapacity(n)
        state.profiles.reserveCapacity(n)
        var previous: String?
        for _ in 0..<n {
            let id = try r.string()
            guard previous.map({ $0 < id }) ?? true else { throw .init("account ids out of order or repeated (\(id.utf8Prefix(80)))") }
            previous = id
            state.index.insert(hash: AccountIndex.hash(id), position: state.profiles.count)
            state.ids.append(id)
            state.profiles.append(try AccountProfile.decode(&r, parameters))
        }
        return state
    }

    /// Accounts profiled.
    package var accountCount: Int { ids.count }
}
