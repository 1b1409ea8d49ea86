// swift-tools-version:6.2
import PackageDescription

// One module per pipeline stage, listed in pipeline order; the executable is a thin layer
// on top. Linux only (glibc, Debian's zlib, ISA-L, OpenSSL and SQLite); Swift 6.2 or later.
let package = Package(
    name: "distillscan",
    products: [
        .executable(name: "distillscan", targets: ["distillscan"]),
        // For the fuzz targets in Fuzz/ (a package of their own, built with sanitizers);
        // they import the stages @testable: there is no public API.
        .library(name: "DistillScan", targets: ["DistillScan", "DistillReport"]),
    ],
    dependencies: [
        // The only dependency: a well-kept CLI parser (help, completions, validation).
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    ],
    targets: [
        .systemLibrary(
            name: "CZlib",
            path: "Sources/CZlib",
            pkgConfig: "zlib",
            providers: [.apt(["zlib1g-dev"])]
        ),
        // gzip reading: ISA-L's igzip inflates these dumps about 2.4 times as fast as zlib
        // (inflate was the largest single cost of a scan); zlib stays for writing gzip.
        .systemLibrary(
            name: "CIsal",
            path: "Sources/CIsal",
            pkgConfig: "libisal",
            providers: [.apt(["libisal-dev"])]
        ),
        // The JSON tape's string scan, 16 bytes at a time (SSE2; 32 with AVX2, checked at run time), header-only so that Swift
        // inlines it into the parser.
        .systemLibrary(name: "CByteScan", path: "Sources/CByteScan"),
        // A cache prefetch hint for the profile pass (Swift has none), header-only.
        .systemLibrary(name: "CPrefetch", path: "Sources/CPrefetch"),
        // SHA-256 of every input for the chain of custody: OpenSSL uses the CPU's SHA
        // instructions, about ten times the speed of portable code.
        .systemLibrary(
            name: "CCrypto",
            path: "Sources/CCrypto",
            pkgConfig: "libcrypto",
            providers: [.apt(["libssl-dev"])]
        ),
        // The case database: the system SQLite (Debian libsqlite3-dev), wrapped once in
        // DistillCase/SQLite.swift.
        .systemLibrary(
            name: "CSQLite",
            path: "Sources/CSQLite",
            pkgConfig: "sqlite3",
            providers: [.apt(["libsqlite3-dev"])]
        ),
        // Leaf helpers every stage shares: threads, stable hashing, JSON quoting, union-find,
        // IP addresses, the parameter tables.
        .target(name: "DistillSupport"),
        .target(name: "DistillInput", dependencies: ["DistillSupport", "CZlib", "CIsal", "CCrypto"]),
        .target(name: "DistillDecode", dependencies: ["DistillInput", "CByteScan"]),
        .target(name: "DistillProfile", dependencies: ["DistillDecode", "CPrefetch", "CByteScan"]),
        // The template miner and aligner (prompt families' templates, `distillscan templates`).
        .target(name: "DistillTemplates", dependencies: ["DistillProfile"]),
        .target(name: "DistillLink", dependencies: ["DistillProfile", "DistillTemplates"]),
        .target(name: "DistillScore", dependencies: ["DistillLink"]),
        // The run: scan, link, score, and the result model every writer renders.
        .target(name: "DistillScan", dependencies: ["DistillScore"]),
        // Rendering only: Markdown, JSON, NDJSON, CSV, DOT, redaction.
        .target(name: "DistillReport", dependencies: ["DistillScan"]),
        // The investigator's case: baseline and diff, drill-down, evidence export, case database.
        .target(name: "DistillCase", dependencies: ["DistillReport", "CSQLite"]),
        // Synthetic corpora with their truth, and their scoring (`synth`, `eval`): beside the pipeline.
        .target(name: "DistillSynth", dependencies: ["DistillDecode"]),
        .executableTarget(
            name: "distillscan",
            dependencies: [
                "DistillSupport",
                "DistillScan",
                "DistillReport",
                "DistillCase",
                "DistillSynth",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            plugins: ["CommitStamp"]
        ),
        // `--version` names the commit: a generated BuildInfo.swift (`unknown` without git).
        .plugin(name: "CommitStamp", capability: .buildTool()),
        // Helpers shared by test targets only (never linked into the tool).
        .target(name: "DistillTestSupport", path: "Tests/DistillTestSupport"),
        .testTarget(name: "DistillSupportTests", dependencies: ["DistillSupport"]),
        .testTarget(name: "DistillInputTests", dependencies: ["DistillInput", "DistillTestSupport"]),
        .testTarget(name: "DistillDecodeTests", dependencies: ["DistillDecode"]),
        .testTarget(name: "DistillProfileTests", dependencies: ["DistillProfile", "DistillTestSupport"]),
        .testTarget(name: "DistillTemplatesTests", dependencies: ["DistillTemplates"]),
        .testTarget(name: "DistillLinkTests", dependencies: ["DistillLink", "DistillTestSupport"]),
        .testTarget(name: "DistillScoreTests", dependencies: ["DistillScore"]),
        .testTarget(name: "DistillReportTests", dependencies: ["DistillReport"]),
        .testTarget(name: "DistillSynthTests", dependencies: ["DistillSynth", "DistillScan"]),
        .testTarget(name: "DistillCaseTests", dependencies: ["DistillCase", "DistillTestSupport"]),
        .testTarget(name: "DistillScanTests", dependencies: ["DistillScan", "DistillReport", "DistillSynth", "DistillCase", "DistillTestSupport"], exclude: ["Golden"]),
    ]
)
