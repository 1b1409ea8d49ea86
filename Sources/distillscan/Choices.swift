import ArgumentParser
import DistillScore

/// `analyze --format`: the report formats (help lists them, completion offers them).
enum AnalyzeFormat: String, CaseIterable, ExpressibleByArgument {
    case markdown, json, ndjson, dot, csv, html
}

/// `--format` of the commands that write Markdown or JSON only.
enum TextFormat: String, CaseIterable, ExpressibleByArgument {
    case markdown, json
}

/// `--input-format`: how records are read (`auto` recognises each line).
enum InputFormatChoice: String, CaseIterable, ExpressibleByArgument {
    case auto, canonical, litellm, bedrock, mapped
}

extension Severity: ExpressibleByArgument {}
