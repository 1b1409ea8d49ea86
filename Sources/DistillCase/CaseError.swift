/// A problem with something an investigator handed to a case command (a report, a
/// database, a campaign id, an output path): one sentence naming it, exit status 2.
public struct CaseError: Error, CustomStringConvertible, Sendable {
    public var description: String
    public init(_ message: String) { description = message }
}
