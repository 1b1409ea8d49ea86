import Foundation

@testable import DistillScan

/// Paths of the package and its committed fixtures.
enum Fixture {
    static let root: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.path
    }()
    static func path(_ p: String) -> String { root + "/" + p }
    static var binary: String { root + "/.build/debug/distillscan" }

    static func config(_ corpus: String, threads: Int = 2, paths: [String]? = nil) throws -> AnalysisConfiguration {
        var input = try InputConfiguration.validate(
            paths: paths ?? [path("Fixtures/\(corpus)/logs")], inputFormat: nil, schemaFile: nil,
            threads: threads, since: nil, until: nil, maxLineBytes: nil, maxDepth: nil)
        input.threads = threads
        var c = AnalysisConfiguration(input: input, accountsFile: path("Fixtures/\(corpus)/accounts.jsonl"))
        c.commandLine = ["distillscan", "analyze", "Fixtures/\(corpus)/logs"]
        return c
    }

    /// Runs the CLI; returns exit code, stdout and stderr.
    static func run(_ args: [String], stdin: Data? = nil) throws -> (Int32, String, String) {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: binary)
        p.arguments = args
        p.currentDirectoryURL = URL(fileURLWithPath: root)
        let out = Pipe(), err = Pipe(), inp = Pipe()
        p.standardOutput = out
        p.standardError = err
        p.standardInput = inp
        try p.run()
        if let d = stdin { inp.fileHandleForWriting.write(d) }
        try inp.fileHandleForWriting.close()
        let o = out.fileHandleForReading.readDataToEndOfFile(), e = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return (p.terminationStatus, String(decoding: o, as: UTF8.self), String(decoding: e, as: UTF8.self))
    }
}
