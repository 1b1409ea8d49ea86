import ArgumentParser
import DistillCase
import Foundation

/// Shared by the case commands. A `CaseError` reaches `DistillScanCommand.main` as it is:
/// one line `Error: <message>` on stderr, exit status 2, no usage text (the command line
/// was right; the file, database or id it named was not).
enum CaseCommand {
    static func check<T>(_ body: () throws -> T) throws -> T { try body() }
}
