import Foundation

/// The repository's bundled samples and scripts, found from this file's place in the tree.
package enum Samples {
    /// The repository's root directory.
    package static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    /// `samples/`.
    package static let directory = repository.appendingPathComponent("samples")
    /// `samples/demo`: the hand-made team account (`scripts/make-demo.py`).
    package static let demo = directory.appendingPathComponent("demo")
    /// `samples/enterprise`: the generated medium account (`iamgraph-samples synth --size M`).
    package static let enterprise = directory.appendingPathComponent("enterprise")
    /// `scripts/`.
    package static let scripts = repository.appendingPathComponent("scripts")
}
