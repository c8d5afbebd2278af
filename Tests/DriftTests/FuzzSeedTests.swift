import Foundation
import Testing
import TestSupport

/// The fuzz targets are executables of this package: every `swift build` links them without libFuzzer, and so built
/// they run each input file given once. Every committed seed — each input that ever crashed a target among them —
/// must still run clean (scripts/fuzz runs the same targets with libFuzzer).
@Suite struct FuzzSeedTests {
    @Test(arguments: ["snapshot", "decode", "page", "json"])
    func everySeedRunsClean(target: String) async throws {
        let seeds = Samples.repository.appendingPathComponent("Fuzzing/Seeds/\(target)")
        let files = try FileManager.default.contentsOfDirectory(atPath: seeds.path).sorted()
            .map { seeds.appendingPathComponent($0).path }
        #expect(!files.isEmpty)
        // fuzz-snapshot's private copy of samples/demo goes here.
        let temporary = try TemporaryDirectory.make("fuzz-seeds")
        defer { try? FileManager.default.removeItem(at: temporary) }
        let executable = ProcessRunner.iamgraph.deletingLastPathComponent().appendingPathComponent("fuzz-\(target)")

        let result = try await ProcessRunner.run(executable, files, environment: ["TMPDIR": temporary.path])

        #expect(result.status == 0 && !result.signalled, "fuzz-\(target) on its seeds: \(result.stderr)")
    }
}
