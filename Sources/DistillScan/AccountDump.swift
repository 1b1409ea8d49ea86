import DistillLink
import Foundation

enum AccountDump {
    static func write(_ link: Linker.Result, to path: String) {
        var o = "id\tcandidate\tsuspicion\tprompts\tshaped\tsingle\tmeanout\thitlimit\tfam\tminutesmax\n"
        for a in link.accounts {
            let p = a.profile
            let m = p.minutes
            o += "\(a.id)\t\(a.isCandidate)\t\(a.suspicion)\t\(p.withPrompt)\t\(p.extractionShapedShare)\t\(p.singleTurnShare)\t\(p.meanOutput)\t\(p.hitLimitShare)\t\(a.linkFamilies.values.max() ?? 0)\t\(m.max() ?? 0)\n"
        }
        _ = FileManager.default.createFile(atPath: path, contents: Data(o.utf8))
    }
}
