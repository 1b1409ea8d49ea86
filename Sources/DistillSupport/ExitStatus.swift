/// How a `distillscan` run ends, in one place: the CLI maps every error to one of these
/// and docs/usage.md lists them.
package enum ExitStatus: Int32, Sendable, CaseIterable {
    /// Done; the report was written.
    case ok = 0
    /// A finding reached `--fail-on` (or a rule test failed).
    case finding = 1
    /// A usage or configuration error, or a destination that cannot be written: nothing
    /// was analysed, or the result could not be kept.
    case usage = 2
    /// An input could not be read, or not to its end (the report, when there is one, says
    /// what was lost).
    case inputIncomplete = 3
}

/// An error that knows how the run ends: the CLI prints `description` (one line that
/// says what to do) and exits with `exitStatus`.
package protocol StatusError: Error, CustomStringConvertible {
    var exitStatus: ExitStatus { get }
}
