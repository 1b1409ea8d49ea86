import Foundation
import Testing

/// Issue 19, a bare machine: `make demo` failed (`isa-l/igzip_lib.h` not found) because
/// only .ci/run installed the system packages; there was no `make install`.
@Suite("a fresh clone builds on a bare machine", .serialized)
struct BareMachineTests {
    func run(_ argv: [String], env: [String: String] = [:]) throws -> (Int32, String) {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = env.map { "\($0.key)=\($0.value)" }.sorted() + argv
        p.currentDirectoryURL = URL(fileURLWithPath: Fixture.root)
        let out = Pipe()
        p.standardOutput = out
        p.standardError = out
        try p.run()
        let o = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return (p.terminationStatus, String(decoding: o, as: UTF8.self))
    }

    @Test func makeDemoTestAndInstallInstallMissingPackagesFirst() throws {
        for target in ["test", "demo", "install"] {
            let (code, plan) = try run(["make", "--no-print-directory", "-n", target, "PREFIX=/opt/ds"])
            #expect(code == 0)
            let lines = plan.split(separator: "\n").filter { !$0.hasPrefix("make") }
            #expect(lines.first == "scripts/install-deps.sh", "make \(target): \(plan)")
        }
        let (_, install) = try run(["make", "--no-print-directory", "-n", "install", "PREFIX=/opt/ds"])
        #expect(install.contains("--static-swift-stdlib") && install.contains("/opt/ds/bin/distillscan"))
        let ci = try String(contentsOfFile: Fixture.path(".ci/run"), encoding: .utf8)
        #expect(ci.contains("scripts/install-deps.sh") && !ci.contains("apt-get"))
    }

    @Test func installDepsSaysWhatItInstallsAndUsesSudoOnlyWhenNotRoot() throws {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/dpkg-query") else { return }
        let env = ["DEPS_DRY_RUN": "1", "DEPS_PACKAGES": "zlib1g-dev no-such-package-distillscan"]
        let (code, asRoot) = try run(["scripts/install-deps.sh"], env: env)
        #expect(code == 0)
        #expect(asRoot.contains("installing no-such-package-distillscan"))
        #expect(asRoot.contains("would run: apt-get update -qq"))
        #expect(asRoot.contains("--no-install-recommends no-such-package-distillscan\n") && !asRoot.contains("sudo"))
        let (code2, asNobody) = try run(["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", "scripts/install-deps.sh"], env: env)
        #expect(code2 == 0)
        #expect(asNobody.contains("would run: sudo apt-get update -qq"))
    }

    @Test func installDepsDoesNothingWhenEverythingIsThere() throws {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/dpkg-query") else { return }
        let (code, out) = try run(["scripts/install-deps.sh"], env: ["DEPS_DRY_RUN": "1"])
        #expect(code == 0 && out.isEmpty, "\(out)")
    }
}
