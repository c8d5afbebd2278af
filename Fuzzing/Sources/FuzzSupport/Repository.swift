import Foundation

/// The iamgraph checkout this harness was built from.
package enum Repository {
    /// The repository's root directory (this file is `Fuzzing/Sources/FuzzSupport/Repository.swift`).
    package static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The demo snapshot, the valid base every snapshot input changes one file of.
    package static let demoSnapshot = root.appendingPathComponent("samples/demo")
}
