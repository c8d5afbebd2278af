import Foundation
import Testing
import TestSupport

/// The bundled samples must still come out of their generators, byte for byte: a change to the generator, the sealer
/// or the canonical writer that would change a sample shows here, not in a later regeneration.
@Suite struct SampleDriftTests {
    /// The built `iamgraph-samples`, next to the test bundle.
    static let samplesTool = ProcessRunner.iamgraph.deletingLastPathComponent().appendingPathComponent("iamgraph-samples")

    @Test func makeDemoAndSealReproduceTheDemo() async throws {
        let root = try TemporaryDirectory.make("iamgraph-drift-demo")
        defer { try? FileManager.default.removeItem(at: root) }
        let demo = root.appendingPathComponent("demo")
        let script = Samples.scripts.appendingPathComponent("make-demo.py")
        let made = try await ProcessRunner.run(URL(fileURLWithPath: "/usr/bin/env"), ["python3", script.path, demo.path])
        try #require(made.status == 0, "make-demo.py: \(made.stderr)")
        let sealed = try await ProcessRunner.run(Self.samplesTool, ["seal", demo.path])
        try #require(sealed.status == 0, "seal: \(sealed.stderr)")
        // SEEDS.md is written by hand beside the generated files.
        try expectSameFiles(demo, Samples.demo, ignoring: ["SEEDS.md"])
    }

    @Test func synthReproducesTheEnterpriseSample() async throws {
        let root = try TemporaryDirectory.make("iamgraph-drift-enterprise")
        defer { try? FileManager.default.removeItem(at: root) }
        let enterprise = root.appendingPathComponent("enterprise")
        // The size and seed of scripts/gen-enterprise.
        let synth = try await ProcessRunner.run(Self.samplesTool, ["synth", "--size", "M", "--seed", "20261120", enterprise.path])
        try #require(synth.status == 0, "synth: \(synth.stderr)")
        try expectSameFiles(enterprise, Samples.enterprise, ignoring: [])
    }

    /// Every file of `made` equals the sample's file of the same path, and the sample has no other file.
    private func expectSameFiles(_ made: URL, _ sample: URL, ignoring: Set<String>) throws {
        let madeFiles = try files(made), sampleFiles = try files(sample).filter { !ignoring.contains($0) }
        #expect(madeFiles == sampleFiles)
        for file in madeFiles.intersection(sampleFiles).sorted() {
            let same = try Data(contentsOf: made.appendingPathComponent(file)) == Data(contentsOf: sample.appendingPathComponent(file))
            #expect(same, "\(file) differs from the sample's: regenerate the sample (CONTRIBUTING.md) or fix the generator")
        }
    }

    /// Every regular file below `directory`, by relative path.
    private func files(_ directory: URL) throws -> Set<String> {
        let base = directory.resolvingSymlinksInPath().path + "/"
        var result = Set<String>()
        let enumerator = FileManager.default.enumerator(at: directory, includingPropertiesForKeys: [.isRegularFileKey])
        while let url = enumerator?.nextObject() as? URL {
            guard try url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile == true else { continue }
            result.insert(String(url.resolvingSymlinksInPath().path.dropFirst(base.count)))
        }
        return result
    }
}
