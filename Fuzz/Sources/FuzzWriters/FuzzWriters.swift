import FuzzSupport

@testable import DistillDecode
@testable import DistillReport
@testable import DistillScan
@testable import DistillScore

/// The report writers fed hostile strings (the input cut at NUL bytes) as account ids,
/// addresses, clients, e-mail domains, models, templates and prompt samples. Each writer's
/// structure must not depend on the text: the report rendered from the hostile strings
/// and from the same strings with their dangerous characters removed must have the same
/// lines, the same `<`, and (Markdown) the same table columns; DOT statements keep their
/// quotes paired; CSV parses back to the same rows of 16 fields; the HTML page has the
/// tamed page's tags, attributes and references (`WriterChecks.htmlProblem`).
/// Before the first input, outside any input's time limit: the HTML check must reject
/// broken pages (a run of minutes under load once timed out on it as the first input).
@_cdecl("LLVMFuzzerInitialize")
public func fuzzWritersInitialize(_ argc: UnsafeMutablePointer<CInt>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>) -> CInt {
    _ = WriterChecks.htmlSelfChecked
    return 0
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzWriters(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let hostile = FuzzSupport.strings(UnsafeRawBufferPointer(start: data, count: size), max: 24)
    let tame = WriterChecks.tamed(hostile)
    let a = WriterChecks.report(hostile), b = WriterChecks.report(tame)
    let mdA = a.markdown(), mdB = b.markdown()
    WriterChecks.sameShape("markdown", WriterChecks.outsideCodeSpans(mdA), WriterChecks.outsideCodeSpans(mdB))
    WriterChecks.tableColumnsHold(mdA)
    WriterChecks.noControls("markdown", mdA)
    let dotA = a.dot()
    WriterChecks.sameShape("dot", dotA, b.dot(), angles: false)
    WriterChecks.dotStatementsQuoted(dotA)
    WriterChecks.noControls("dot", dotA)
    WriterChecks.csvParses(a.csv(), rows: 1 + a.campaigns[0].accounts.count)
    // The HTML page: tags, attributes and references against the page of the tamed strings
    // (addresses kept as addresses, see `tamedKeepingAddresses`).
    let htmlA = a.html(), htmlB = WriterChecks.report(WriterChecks.tamedKeepingAddresses(hostile)).html()
    if let problem = WriterChecks.htmlProblem(htmlA, tame: htmlB) {
        WriterChecks.keep("html", htmlA, htmlB)
        FuzzSupport.fail("html: \(problem)")
    }
    WriterChecks.noControls("html", htmlA)
    for s in hostile { WriterChecks.noControls("terminal", SafeText.terminal(s)) }
    return 0
}
