import ArgumentParser
import DistillScan
import Foundation

/// `distillscan config`: the analysis parameters as a configuration file.
struct ConfigCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "config",
        abstract: "Print the default analysis parameters as a configuration file, or check one.",
        discussion: """
            Examples:
              distillscan config dump > distillscan.json        # edit, then: analyze --config distillscan.json
              distillscan config check distillscan.json         # what it changes from the defaults
              distillscan config dump | distillscan analyze --config - dump/
            """,
        subcommands: [Dump.self, Check.self])

    struct Dump: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Print every parameter with its default value (JSON).")
        @OptionGroup var out: OutputOptions
        func run() throws { try Output.write(AnalysisParameters().json(), to: out.output) }
    }

    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Validate a configuration file and list what it changes (exit 2 when it cannot be used).")
        @Argument(help: "Configuration file (JSON), or - for standard input.", completion: .file(extensions: ["json"])) var file: String
        func run() throws {
            let bytes: [UInt8]
            if file == "-" {
                bytes = [UInt8](FileHandle.standardInput.readDataToEndOfFile())
            } else {
                guard let data = FileManager.default.contents(atPath: file) else { throw ValidationError("\(file): cannot read the file") }
                bytes = [UInt8](data)
            }
            let p: AnalysisParameters
            do { p = try AnalysisParameters.read(bytes, file: file) } catch { throw ValidationError(error.description) }
            let changes = p.changes
            var text = changes.isEmpty ? "\(file): valid; every parameter at its default\n" : "\(file): valid; \(changes.count) parameter(s) differ from the defaults:\n"
            for c in changes { text += "  \(c.name) = \(AnalysisParameters.valueText(c.value)) (default \(AnalysisParameters.valueText(c.defaultValue)))\n" }
            try Output.write(text, to: nil)
        }
    }
}
