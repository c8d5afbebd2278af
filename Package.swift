// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "iamgraph",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "iamgraph", targets: ["iamgraph"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/swhitty/FlyingFox", from: "0.27.1"),
    ],
    targets: [
        // C libraries, each through a module map and a shim header of typed wrappers.
        .systemLibrary(name: "CGraphviz", pkgConfig: "libgvc", providers: [.apt(["libgraphviz-dev"])]),
        .systemLibrary(name: "CCurl", pkgConfig: "libcurl", providers: [.apt(["libcurl4-openssl-dev"])]),
        .systemLibrary(name: "CCrypto", pkgConfig: "libcrypto", providers: [.apt(["libssl-dev"])]),
        .systemLibrary(name: "CSQLite", pkgConfig: "sqlite3", providers: [.apt(["libsqlite3-dev"])]),
        // Linux's renameat2(2) (exchange two directories; rename without replacing), which Glibc's module lacks.
        .systemLibrary(name: "CFileSystem"),
        // glibc's malloc_trim(3) (return freed memory between a command's phases), which Glibc's module lacks.
        .systemLibrary(name: "CMalloc"),

        // The on-disk snapshot: layout, manifest, canonical JSON, reading and validation.
        .target(name: "Snapshot", dependencies: ["CCrypto", "CFileSystem"]),
        // Typed IAM entities decoded from a snapshot; policy normalisation and target matching.
        .target(name: "Model", dependencies: ["Snapshot"]),
        // AccessGraph: nodes, edges, clusters as plain values, all that Render needs of a graph.
        .target(name: "GraphValues"),
        // The account's graph and its views (focus, aggregation, redaction, the diff map), built from Model and Analysis.
        .target(name: "Graph", dependencies: ["GraphValues", "Snapshot", "Model", "Analysis"]),
        // AccessGraph → cgraph graph → DOT / SVG / PNG / PDF, in-process through libgraphviz.
        .target(name: "Render", dependencies: ["GraphValues", "CGraphviz"]),
        // Credentials, HTTP over libcurl, paging, retries, concurrency; writes snapshots. The only network code.
        .target(name: "Fetch", dependencies: ["Snapshot", "CCurl"]),
        // Effective access, who-has-access, findings, diff: pure functions over Model.
        .target(name: "Analysis", dependencies: ["Model"], plugins: ["RuleRegistry"]),
        // Generates Analysis's `RuleID` from the rule types in Findings/Rules, ordered by docs/findings.md's sections.
        .plugin(name: "RuleRegistry", capability: .buildTool(), dependencies: ["RuleRegistryGenerator"]),
        .executableTarget(name: "RuleRegistryGenerator", path: "Plugins/RuleRegistryGenerator"),
        // Access tables and findings reports as text, JSON, CSV, Markdown and SARIF; exports (GraphML, OpenGraph,
        // Mermaid, SQLite through libsqlite3).
        .target(name: "Reports", dependencies: ["Analysis", "Graph", "GraphValues", "Render", "Model", "Snapshot", "CSQLite"]),
        // Snapshots read from a git revision (git ls-tree / cat-file into a temporary directory), no checkout.
        .target(name: "GitSnapshot", dependencies: ["Snapshot"]),
        // Maintenance tools for bundled samples (sealing hand-written snapshots).
        .executableTarget(name: "iamgraph-samples", dependencies: [
            "Snapshot", "Fetch", .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        // The command line: parses, calls, prints.
        .executableTarget(name: "iamgraph", dependencies: [
            "Snapshot", "Model", "Analysis", "Graph", "GraphValues", "Render", "Fetch", "Reports", "GitSnapshot", "CMalloc",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),

        // A fake IBM Cloud serving a snapshot over HTTP, with injectable faults, for fetcher tests.
        .target(name: "FakeCloud", dependencies: [
            "Snapshot", .product(name: "FlyingFox", package: "FlyingFox"), .product(name: "FlyingSocks", package: "FlyingFox"),
        ]),
        .executableTarget(name: "fake-ibmcloud", dependencies: [
            "FakeCloud", "Snapshot", .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),

        // The fuzz harness (sources and seeds in Fuzzing/): libFuzzer targets over snapshot loading, response handling,
        // and JSON writing and decoding. scripts/fuzz builds them with `-sanitize=fuzzer` (`--product fuzz-…`, in a
        // scratch path of its own); a plain build links them without libFuzzer, and they then run each file given once.

        // libFuzzer's `LLVMFuzzerRunDriver`, declared (weakly) for Swift.
        .systemLibrary(name: "CLibFuzzer", path: "Fuzzing/Sources/CLibFuzzer"),
        // Starting libFuzzer, splitting an input into the file it names and its bytes, finding the repository.
        .target(name: "FuzzSupport", dependencies: ["CLibFuzzer"], path: "Fuzzing/Sources/FuzzSupport"),
        // One file of an otherwise valid snapshot (samples/demo) → reader, model, validation, findings, map.
        .executableTarget(name: "fuzz-snapshot", dependencies: ["FuzzSupport", "Snapshot", "Model", "Analysis", "Graph", "Reports"],
                          path: "Fuzzing/Sources/fuzz-snapshot"),
        // One snapshot file's JSON → SnapshotDecoder's tape against JSONDecoder, as model types and as any JSON value.
        .executableTarget(name: "fuzz-decode", dependencies: ["FuzzSupport", "Snapshot", "Model"],
                          path: "Fuzzing/Sources/fuzz-decode"),
        // One API response body → the fetcher's parsing, paging, merging, URL building and normalisation.
        .executableTarget(name: "fuzz-page", dependencies: ["FuzzSupport", "Snapshot", "Fetch"], path: "Fuzzing/Sources/fuzz-page"),
        // JSON text → JSONSerialization's values → our canonical writer against Foundation's, byte for byte.
        .executableTarget(name: "fuzz-json", dependencies: ["FuzzSupport", "Snapshot"], path: "Fuzzing/Sources/fuzz-json"),

        // What every test target shares: sample paths, the demo's ids, one process runner, temporary directories.
        .target(name: "TestSupport", dependencies: ["Model", "Snapshot"], path: "Tests/TestSupport"),

        .testTarget(name: "SnapshotTests", dependencies: [
            "Snapshot", "TestSupport",
            "iamgraph",  // the CLI the tests run (reseal)
        ]),
        .testTarget(name: "FetchTests", dependencies: [
            "Fetch", "FakeCloud", "Snapshot", "Model", "Graph", "TestSupport",
            "iamgraph",  // the CLI the tests run
        ]),
        .testTarget(name: "FakeCloudTests", dependencies: [
            "FakeCloud", "Snapshot", "TestSupport", .product(name: "FlyingFox", package: "FlyingFox"),
        ]),
        .testTarget(name: "ModelTests", dependencies: ["Model", "Snapshot", "TestSupport"]),
        .testTarget(name: "GraphTests", dependencies: [
            "Graph", "GraphValues", "Model", "Render", "Reports", "Analysis", "Snapshot", "TestSupport",
        ]),
        .testTarget(name: "RenderTests", dependencies: ["Render", "Graph", "GraphValues", "TestSupport"]),
        .testTarget(name: "AnalysisTests", dependencies: [
            "Analysis", "Reports", "Model", "Snapshot", "TestSupport",
            "RuleRegistryGenerator",  // the generator the tests run
        ]),
        .testTarget(name: "DiffTests", dependencies: [
            "Analysis", "Reports", "Graph", "GraphValues", "Render", "GitSnapshot", "Model", "Snapshot", "TestSupport",
            "iamgraph",  // the CLI the tests run
        ]),
        // Exports read back by their consumers: networkx, bhopengraph, Python's sqlite3 (the virtual environment of
        // scripts/python-env), and the exporters' handling of hostile names.
        .testTarget(name: "ExportTests", dependencies: [
            "Reports", "Graph", "GraphValues", "Analysis", "Model", "Snapshot", "TestSupport",
            "iamgraph",  // the CLI the tests run
        ]),
        // The built `iamgraph` as a user runs it: help texts, README usage, output defaults, terminals.
        .testTarget(name: "CLITests", dependencies: [
            "TestSupport",
            "iamgraph",  // the CLI the tests run
        ]),
        // Checks that the bundled samples still come out of their generators, byte for byte, that the docs name every
        // target, that no declaration is `public`, and that the fuzz targets still run their seeds clean.
        .testTarget(name: "DriftTests", dependencies: [
            "Snapshot", "TestSupport",
            "iamgraph-samples",  // the generator and sealer the tests run
            "fuzz-snapshot", "fuzz-decode", "fuzz-page", "fuzz-json",  // the fuzz targets the tests run, without libFuzzer
        ]),
    ],
    swiftLanguageModes: [.v6]
)
