/// The tool's name and version, as reports and `--version` print them.
package enum ToolInfo {
    package static let name = "distillscan"
    package static let version = "0.1.0"
}
