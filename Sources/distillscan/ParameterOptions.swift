import ArgumentParser
import DistillScan
import Foundation

/// `--config FILE`: any analysis parameter from a configuration file (JSON, as
/// `distillscan config dump` prints it). Explicit command-line limits win over the file.
struct ParameterOptions: ParsableArguments {
    @Option(
        help: ArgumentHelp("Configuration file (JSON; `distillscan config dump` prints the defaults) setting any analysis parameter; - reads it from standard input.", valueName: "file"),
        completion: .file(extensions: ["json"]))
    var config: String?

    /// Reads the file and sets its parameters on `analysis`; limits given as options
    /// (`--max-line-bytes`, `--max-depth`) are kept.
    func apply(to analysis: inout AnalysisConfiguration, input: InputOptions) throws {
        guard let path = config else { return }
        if path == "-" && input.paths.contains("-") { throw ValidationError("--config - and the input - cannot both read standard input") }
        let bytes: [UInt8]
        if path == "-" {
            bytes = [UInt8](FileHandle.standardInput.readDataToEndOfFile())
        } else {
            guard let data = FileManager.default.contents(atPath: path) else { throw ValidationError("--config \(path): cannot read the file") }
            bytes = [UInt8](data)
        }
        let parameters: AnalysisParameters
        do { parameters = try AnalysisParameters.read(bytes, file: path == "-" ? "--config -" : path) } catch { throw ValidationError(error.description) }
        let explicit = analysis.input.decode
        analysis.parameters = parameters
        if input.maxLineBytes != nil { analysis.input.decode.maxLineBytes = explicit.maxLineBytes }
        if input.maxDepth != nil { analysis.input.decode.maxDepth = explicit.maxDepth }
    }
}
