import DistillDecode
import DistillInput
import DistillProfile
import Foundation

extension RunManifest {
    init(config: AnalysisConfiguration, accountsFile: AccountsFile.Loaded, accountsSHA256: String? = nil) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let packBytes = [UInt8]((try? encoder.encode(config.rules)) ?? Data())
        let sha = SHA256()
        // SAFETY: the bytes are hashed only during the closure.
        packBytes.withUnsafeBytes { sha.update($0) }
        let parameters = config.parameters
        self.init(
            toolName: ToolInfo.name, toolVersion: ToolInfo.version, commandLine: config.commandLine,
            parameters: parameters.listed.sorted { $0.0 < $1.0 }, rulePackName: config.rules.name, rulePackVersion: config.rules.version,
            rulePackSHA256: sha.finish(), accountsFile: config.accountsFile,
            accountsFileSHA256: accountsSHA256 ?? config.accountsFile.flatMap { config.hashInputs ? SHA256.file($0) : nil },
            accountsTally: config.accountsFile == nil ? nil : accountsFile.tally)
        changedParameters = parameters.changes.sorted { $0.name < $1.name }
    }
}
