import DistillDecode
import DistillInput
import DistillProfile
import DistillReport
import Foundation

extension RunManifest {
    init(config: AnalysisConfiguration, accountsFile: AccountsFile.Loaded, accountsSHA256: String? = nil) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let packBytes = [UInt8]((try? encoder.encode(config.rules)) ?? Data())
        let sha = SHA256()
        packBytes.withUnsafeBytes { sha.update($0) }
        var params = config.profile.listed + config.link.listed + config.score.listed
        params += [("max_line_bytes", Double(config.input.decode.maxLineBytes)), ("max_depth", Double(config.input.decode.maxDepth)),
                   ("max_prompt_bytes", Double(config.input.decode.maxPromptBytes))]
        self.init(
            toolName: ToolInfo.name, toolVersion: ToolInfo.version, commandLine: config.commandLine,
            parameters: params.sorted { $0.0 < $1.0 }, rulePackName: config.rules.name, rulePackVersion: config.rules.version,
            rulePackSHA256: sha.finish(), accountsFile: config.accountsFile,
            accountsFileSHA256: accountsSHA256 ?? config.accountsFile.flatMap { config.hashInputs ? SHA256.file($0) : nil },
            accountsTally: config.accountsFile == nil ? nil : accountsFile.tally)
    }
}
