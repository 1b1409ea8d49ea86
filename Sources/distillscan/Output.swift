import ArgumentParser
import DistillDecode
import DistillInput
import DistillReport
import Foundation

/// Writing results and messages: results to stdout or `-o`, messages to stderr. Nothing
/// here traps: a result that cannot be written is an `OutputError` (one line, exit 2).
enum Output {
    /// `path` nil or `-` is standard output.
    static func write(_ text: String, to path: String?) throws {
        if let path, path != "-" {
            try OutputFile.write(Array(text.utf8), to: path)
        } else {
            try StandardStreams.output(text)
        }
    }

    /// Fails now, before any input is read, when `-o` could not be written at the end.
    static func preflight(_ path: String?) throws {
        guard let path, path != "-" else { return }
        try OutputFile.preflight(path)
    }

    /// One line on stderr, prefixed; control characters in it (from file names, rule
    /// names, log values) are shown escaped, never sent to the terminal.
    static func message(_ s: String) {
        StandardStreams.error("distillscan: " + SafeText.terminal(s) + "\n")
    }

    /// One line per unreadable file and a rejection summary, on stderr.
    static func warnAboutInput(_ input: InputSummary, quiet: Bool = false) {
        for f in input.files where f.error != nil { message(f.error!) }
        guard !quiet else { return }
        let t = input.tally
        if t.malformedTotal > 0 {
            let kinds = t.malformed.sorted { $0.key < $1.key }.map { "\($0.key.rawValue) \($0.value) (first at \(t.malformedExamples[$0.key]?.first?.description ?? "?"))" }
            message("\(t.malformedTotal) malformed line(s): " + kinds.joined(separator: ", "))
        }
    }
}
