// swift-tools-version:6.0
import PackageDescription

// libFuzzer targets for distillscan, in their own package so that `make test` never builds
// them. Built by scripts/fuzz.sh (`make fuzz`) with SwiftPM's sanitizer flags; each target
// is a `@_cdecl("LLVMFuzzerTestOneInput")` function that libFuzzer's own `main` calls.
let package = Package(
    name: "distillscan-fuzz",
    dependencies: [.package(name: "distillscan", path: "..")],
    targets: [
        // zlib itself, the reference the gzip reader (ISA-L) is checked against.
        .systemLibrary(name: "CZlibOracle", path: "Sources/CZlibOracle", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),
        .target(name: "FuzzSupport", dependencies: [.product(name: "DistillScan", package: "distillscan")]),
        .executableTarget(name: "FuzzDecode", dependencies: ["FuzzSupport"]),
        .executableTarget(name: "FuzzGzip", dependencies: ["FuzzSupport", "CZlibOracle"]),
        .executableTarget(name: "FuzzAccounts", dependencies: ["FuzzSupport"]),
        .executableTarget(name: "FuzzRules", dependencies: ["FuzzSupport"]),
        .executableTarget(name: "FuzzWriters", dependencies: ["FuzzSupport"]),
    ]
)
