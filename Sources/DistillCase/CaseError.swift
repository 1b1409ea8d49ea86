/// A problem with something an investigator handed to a case command (a report, a
/// database, a campaign id, an output path): one sentence naming it, exit status 2.
/// Messages quote ids and paths read from files, so control and bidirectional-format
/// characters are replaced (the terminal is hostile ground too).
package struct CaseError: Error, CustomStringConvertible, Sendable {
    package var description: String
    package init(_ message: String) {
        var s = String.UnicodeScalarView()
        for u in message.unicodeScalars {
            switch u.properties.generalCategory {
            case .control, .format, .lineSeparator, .paragraphSeparator: s.append("\u{FFFD}")
            default: s.append(u)
            }
        }
        description = String(s)
    }
}
