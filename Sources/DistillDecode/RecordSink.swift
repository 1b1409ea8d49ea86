/// A streaming pass over records whose state merges: consuming A then merging the
/// state of B equals consuming A and B, whatever the order of the records and however
/// they were split. Workers each feed their own sink and the sinks are merged, so
/// results never depend on thread count, input order or scheduling.
public protocol RecordSink: Sendable {
    mutating func consume(_ record: RequestRecord)
    mutating func merge(_ other: Self)
}
