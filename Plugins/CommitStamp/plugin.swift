import Foundation
import PackagePlugin

/// Writes `BuildInfo.commit` (the git commit the tool is built from, `-dirty` with
/// uncommitted changes, `unknown` outside a git checkout such as a source tarball) before
/// each build of the CLI, for `distillscan --version`. The file is rewritten only when the
/// commit changes, so an unchanged tree does not recompile.
@main
struct CommitStamp: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let out = context.pluginWorkDirectoryURL.appending(path: "BuildCommit.swift")
        let script = """
        c=$(git -C "$1" rev-parse --short=12 HEAD 2>/dev/null) || c=unknown
        [ -n "$c" ] || c=unknown
        if [ "$c" != unknown ] && [ -n "$(git -C "$1" status --porcelain --untracked-files=no 2>/dev/null | head -c 1)" ]; then c="$c-dirty"; fi
        n="enum BuildInfo { static let commit = \\"$c\\" }"
        [ "$(cat "$2" 2>/dev/null)" = "$n" ] || printf '%s\\n' "$n" > "$2"
        """
        return [.prebuildCommand(displayName: "Stamp the git commit for --version", executable: URL(fileURLWithPath: "/bin/sh"),
                                 arguments: ["-c", script, "sh", context.package.directoryURL.path, out.path],
                                 outputFilesDirectory: context.pluginWorkDirectoryURL)]
    }
}
