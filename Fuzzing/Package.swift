// swift-tools-version: 6.0
// The fuzz harness: libFuzzer targets over iamgraph's snapshot loading, response handling and canonical JSON writing.
// Built and run by scripts/fuzz (and briefly by scripts/test), always with `-sanitize=fuzzer`; not part of the main
// package's `swift build`.
import PackageDescription

let package = Package(
    name: "iamgraph-fuzz",
    platforms: [.macOS(.v13)],
    dependencies: [
        .package(name: "iamgraph", path: ".."),
    ],
    targets: [
        // libFuzzer's `LLVMFuzzerRunDriver`, declared for Swift.
        .systemLibrary(name: "CLibFuzzer"),
        // Starting libFuzzer, splitting an input into the file it names and its bytes, finding the repository.
        .target(name: "FuzzSupport", dependencies: ["CLibFuzzer"]),
        // One file of an otherwise valid snapshot (samples/demo) → reader, model, validation, findings, map.
        .executableTarget(name: "fuzz-snapshot", dependencies: [
            "FuzzSupport", .product(name: "IAMGraphLibraries", package: "iamgraph"),
        ]),
        // One snapshot file's JSON → SnapshotDecoder's tape against JSONDecoder, as model types and as any JSON value.
        .executableTarget(name: "fuzz-decode", dependencies: [
            "FuzzSupport", .product(name: "IAMGraphLibraries", package: "iamgraph"),
        ]),
        // One API response body → the fetcher's parsing, paging, merging, URL building and normalisation.
        .executableTarget(name: "fuzz-page", dependencies: [
            "FuzzSupport", .product(name: "IAMGraphLibraries", package: "iamgraph"),
        ]),
        // JSON text → JSONSerialization's values → our canonical writer against Foundation's, byte for byte.
        .executableTarget(name: "fuzz-json", dependencies: [
            "FuzzSupport", .product(name: "IAMGraphLibraries", package: "iamgraph"),
        ]),
    ],
    swiftLanguageModes: [.v6]
)
