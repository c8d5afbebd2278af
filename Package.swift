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
    ],
    targets: [
        // C libraries, each through a module map and a shim header of typed wrappers.
        .systemLibrary(name: "CGraphviz", pkgConfig: "libgvc", providers: [.apt(["libgraphviz-dev"])]),
        .systemLibrary(name: "CCurl", pkgConfig: "libcurl", providers: [.apt(["libcurl4-openssl-dev"])]),
        .systemLibrary(name: "CCrypto", pkgConfig: "libcrypto", providers: [.apt(["libssl-dev"])]),

        // The on-disk snapshot: layout, manifest, canonical JSON, reading and validation.
        .target(name: "Snapshot", dependencies: ["CCrypto"]),
        // Typed IAM entities decoded from a snapshot; policy normalisation and target matching.
        .target(name: "Model", dependencies: ["Snapshot"]),
        // Maintenance tools for bundled samples (sealing hand-written snapshots).
        .executableTarget(name: "iamgraph-samples", dependencies: [
            "Snapshot", .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        // The command line: parses, calls, prints.
        .executableTarget(name: "iamgraph", dependencies: [
            "Snapshot", "Model",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),

        .testTarget(name: "SnapshotTests", dependencies: ["Snapshot"]),
        .testTarget(name: "ModelTests", dependencies: ["Model", "Snapshot"]),
    ],
    swiftLanguageModes: [.v6]
)
