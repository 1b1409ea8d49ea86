import DistillSupport

/// The profiled accounts' ids in profile order, with their bytes also side by side in one
/// array: each request's lookup confirms its account by comparing bytes there, where an
/// id of 16 bytes or more as a `String` is a heap object of its own, cold on every request
/// (one cache miss a request, ~1 % of an analysis).
struct AccountIDs: RandomAccessCollection {
    private var strings: [String] = []
    /// Every id's UTF-8, one after the other; `ends[i]` is where id `i` ends.
    private var bytes: [UInt8] = []
    /// 32-bit to keep the per-account cost low (millions of accounts); the ids past
    /// `arenaLimit` bytes (4 GiB), if ever, are compared as `String`s.
    private var ends: [UInt32] = []
    private let arenaLimit: Int
    /// Whether every id is ASCII: then `==` and bytes tell ids apart alike (no canonically
    /// equivalent spellings), and `ProfileState.accountsByID` has no ties to order.
    private(set) var allASCII = true

    /// `arenaLimit` below 4 GiB only in tests (the `String` comparison past it).
    init(arenaLimit: Int = Int(UInt32.max)) { self.arenaLimit = Swift.min(arenaLimit, Int(UInt32.max)) }

    var startIndex: Int { 0 }
    var endIndex: Int { strings.count }
    subscript(i: Int) -> String { strings[i] }

    mutating func reserveCapacity(_ n: Int) {
        strings.reserveCapacity(n)
        ends.reserveCapacity(n)
    }

    mutating func append(_ id: String) {
        if allASCII && id.utf8.contains(where: { $0 >= 0x80 }) { allASCII = false }
        if ends.count == strings.count {
            let start = bytes.count
            bytes.append(contentsOf: id.utf8)
            if bytes.count <= arenaLimit {
                ends.append(UInt32(bytes.count))
            } else {
                bytes.removeLast(bytes.count - start)
            }
        }
        strings.append(id)
    }

    /// Whether id `i` is the id whose UTF-8 is `utf8`.
    @inline(__always)
    func same(_ i: Int, _ utf8: [UInt8]) -> Bool {
        guard i < ends.count else { return AccountIndex.same(strings[i], utf8) }
        let start = i == 0 ? 0 : Int(ends[i - 1]), end = Int(ends[i])
        guard end - start == utf8.count else { return false }
        // SAFETY: `start..<end` lies within `bytes` (`ends` are offsets of appended ids, at most `bytes.count`); both sides are read only inside the closures.
        return bytes.withUnsafeBytes { b in utf8.withUnsafeBytes { UnsafeRawBufferPointer(rebasing: b[start..<end]).hasSameBytes(as: $0) } }
    }
}
