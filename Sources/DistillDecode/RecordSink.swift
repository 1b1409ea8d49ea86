/// A streaming pass over records whose state merges: consuming A then merging the
/// state of B equals consuming A and B, whatever the order of the records and however
/// they were split. Workers each feed their own sink and the sinks are merged, so
/// results never depend on thread count, input order or scheduling.
package protocol RecordSink: Sendable {
    /// The scan reuses one record from line to line, refilling its text buffers in place:
    /// a sink that keeps a record makes the next line's decode copy them.
    mutating func consume(_ record: RequestRecord)
    mutating func merge(_ other: Self)
    /// The sinks merged into one (in order), on up to `threads` threads where the sink can
    /// split the work; the same state as merging them one by one. Consumes `sinks`, so the
    /// first one is updated in place rather than copied.
    static func merging(_ sinks: consuming [Self], threads: Int) -> Self
}

extension RecordSink {
    package static func merging(_ sinks: consuming [Self], threads: Int) -> Self {
        var all = consume sinks
        var sink = all.removeFirst()
        for other in all { sink.merge(other) }
        return sink
    }
}
