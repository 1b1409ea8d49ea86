import ArgumentParser
import DistillScan
import Foundation

/// State files on the command line: recognised by their header, loaded, merged; a
/// refused state is one line on stderr and exit 2.
enum StateOperands {
    /// The operands that are state files (by their header, not their name).
    static func paths(in operands: [String]) -> [String] { operands.filter(StateFile.isStateFile) }

    /// Reads and merges the states (`StateMerge.load`), then `extra`; notes on
    /// duplicates go to stderr.
    static func loadAndMerge(_ paths: [String], threads: Int, quiet: Bool, with extra: [NamedState] = []) throws(StateFileError) -> NamedState {
        let (merged, notes) = try StateMerge.load(paths, threads: threads, extra: extra)
        if !quiet { for n in notes { Output.message(n) } }
        return merged
    }

    /// Runs `body`; a refused state becomes one message and exit code 2.
    static func check<T>(_ body: () throws -> T) throws -> T {
        do { return try body() } catch let e as StateFileError {
            Output.message(e.description)
            throw ExitCode(e.exitCode)
        }
    }

    static func threads(_ t: Int?) throws -> Int {
        let n = t ?? ProcessInfo.processInfo.activeProcessorCount
        guard n >= 1 && n <= 1024 else { throw ValidationError("--threads must be between 1 and 1024") }
        return n
    }
}
