import ArgumentParser
import DistillDecode
import Foundation

/// Writing results and messages: results to stdout or `-o`, messages to stderr.
enum Output {
    static func write(_ text: String, to path: String?) throws {
        if let path {
            guard FileManager.default.createFile(atPath: path, contents: Data(text.utf8)) else {
                throw ValidationError("-o \(path): cannot write the file; check the directory exists and is writable")
            }
        } else {
            FileHandle.standardOutput.write(Data(text.utf8))
        }
    }

    static func message(_ s: String) {
        FileHandle.standardError.write(Data(("distillscan: " + s + "\n").utf8))
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
