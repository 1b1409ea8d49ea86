/// A streaming pass over records whose state merges: consuming A then merging the
/// state of B equals consuming A and B. Per-file states are merged in a fixed order,
/// so results never depend on thread count or input order.
public protocol RecordSink: Sendable {
    mutating func consume(_ record: RequestRecord)
    mutating func merge(_ other: Self)
}
