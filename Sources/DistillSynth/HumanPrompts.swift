import DistillSupport
import Foundation

/// Reads a file of real human prompts for `synth --human-prompts`: JSON Lines with a
/// `prompt` (or `text`, `instruction`, `content`) string per line, or plain text, one
/// prompt per line. Blank lines, lines without a usable string and duplicates are dropped.
package enum HumanPrompts {
    package struct Unreadable: StatusError {
        package var description: String
        /// 3 when the file cannot be read, 2 when it holds no prompts.
        package var exitStatus: ExitStatus = .usage
    }

    package static func load(path: String, limit: Int = 200_000) throws -> [String] {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw Unreadable(description: "\(path): cannot read the file; give a JSONL file of {\"prompt\": …} objects or a text file with one prompt per line", exitStatus: .inputIncomplete)
        }
        guard let text = String(data: data, encoding: .utf8) else { throw Unreadable(description: "\(path): not UTF-8 text") }
        var seen = Set<String>()
        var out: [String] = []
        for raw in text.split(whereSeparator: { $0 == "\n" || $0 == "\r\n" }) {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.isEmpty { continue }
            var prompt = line
            if line.hasPrefix("{") {
                guard let o = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
                    let p = ["prompt", "text", "instruction", "content"].lazy.compactMap({ o[$0] as? String }).first
                else { continue }
                prompt = p
            } else if line.hasPrefix("\""), let p = try? JSONSerialization.jsonObject(with: Data(line.utf8), options: .fragmentsAllowed) as? String {
                prompt = p
            }
            prompt = prompt.trimmingCharacters(in: .whitespacesAndNewlines)
            if prompt.isEmpty || prompt.utf8.count > 8000 { continue }
            if seen.insert(prompt).inserted { out.append(prompt) }
            if out.count >= limit { break }
        }
        guard !out.isEmpty else { throw Unreadable(description: "\(path): no prompts found (one per line, or {\"prompt\": …} per line)") }
        return out
    }
}
