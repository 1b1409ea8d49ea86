import ArgumentParser
import DistillScan

/// Options of every subcommand that reads logs (parsed raw, validated into an `InputConfiguration`).
struct InputOptions: ParsableArguments {
    @Argument(help: "Log files, directories (searched recursively), globs, or - for stdin.", completion: .file())
    var paths: [String] = []

    @Option(help: "Record format (auto recognises each line).")
    var inputFormat: InputFormatChoice?

    @Option(help: "JSON file mapping canonical fields to dotted paths in your records.", completion: .file(extensions: ["json"]))
    var schema: String?

    @Option(help: "Worker threads (default: number of cores). Output does not depend on it.")
    var threads: Int?

    @Option(help: "Keep records at or after this time (RFC 3339, date, or epoch seconds).")
    var since: String?

    @Option(help: "Keep records before this time.")
    var until: String?

    @Option(help: "Reject lines longer than this many bytes (default 8388608).")
    var maxLineBytes: Int?

    @Option(help: "Reject JSON nested deeper than this (default 64).")
    var maxDepth: Int?

    func configuration() throws -> InputConfiguration {
        do {
            return try InputConfiguration.validate(
                paths: paths, inputFormat: inputFormat?.rawValue, schemaFile: schema, threads: threads,
                since: since, until: until, maxLineBytes: maxLineBytes, maxDepth: maxDepth)
        } catch let e as InputConfiguration.Invalid {
            throw ValidationError(e.description)
        }
    }
}

/// Where results go: stdout by default, or `-o FILE`.
struct OutputOptions: ParsableArguments {
    @Option(
        name: [.short, .long], help: ArgumentHelp("Write the result to FILE instead of standard output (- is standard output); checked before any input is read.", valueName: "file"),
        completion: .file())
    var output: String?
}
