import Foundation

/// The repository's bundled samples and scripts, found from this file's place in the tree.
public enum Samples {
    /// The repository's root directory.
    public static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    /// `samples/`.
    public static let directory = repository.appendingPathComponent("samples")
    /// `samples/demo`: the hand-made team account (`scripts/make-demo.py`).
    public static let demo = directory.appendingPathComponent("demo")
    /// `samples/enterprise`: the generated medium account (`iamgraph-samples synth --size M`).
    public static let enterprise = directory.appendingPathComponent("enterprise")
    /// `scripts/`.
    public static let scripts = repository.appendingPathComponent("scripts")
}
