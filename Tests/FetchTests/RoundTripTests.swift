import FakeCloud
import Fetch
import Foundation
import Testing
import Snapshot
import TestSupport

extension FetchSuites {
    /// Fetching from the fake cloud serving a sample reproduces the sample byte for byte, apart from the manifest's time.
    @Suite struct RoundTripTests {
        @Test(arguments: ["demo", "enterprise"])
        func fetchReproducesTheSample(name: String) async throws {
            let sample = Samples.directory.appendingPathComponent(name)
            let output = FetchHarness.temporaryDirectory()
            defer { try? FileManager.default.removeItem(at: output) }
            // A sample with an MFA report (the demo's volatile/mfa.json) is fetched with --with-mfa-report.
            let withMFA = FileManager.default.fileExists(atPath: sample.appendingPathComponent("volatile/mfa.json").path)
            let report = try await FetchHarness.withCloud(sample) { cloud in
                var options = FetchHarness.options(cloud)
                options.withMFAReport = withMFA
                options.activityPoll = (interval: 0.05, attempts: 20)
                return try await SnapshotFetcher(credential: .apiKey(FetchHarness.apiKey), options: options).fetch(into: output)
            }
            #expect(report.incomplete.isEmpty)
            var expected = try FetchHarness.files(sample)
            expected["SEEDS.md"] = nil
            var actual = try FetchHarness.files(output)
            #expect(Set(actual.keys) == Set(expected.keys))
            #expect(try FetchHarness.timelessManifest(actual.removeValue(forKey: "manifest.json")!)
                    == FetchHarness.timelessManifest(expected.removeValue(forKey: "manifest.json")!))
            for (path, data) in expected.sorted(by: { $0.key < $1.key }) {
                #expect(actual[path] == data, "\(path) differs")
            }
        }

        @Test func concurrencyBoundsRequestsAndTheResultDoesNotDependOnIt() async throws {
            let one = FetchHarness.temporaryDirectory(), eight = FetchHarness.temporaryDirectory()
            defer { for d in [one, eight] { try? FileManager.default.removeItem(at: d) } }
            try await FetchHarness.withCloud(faults: Faults(latency: .milliseconds(5))) { cloud in
                _ = try await SnapshotFetcher(credential: .apiKey("k"), options: FetchHarness.options(cloud, concurrency: 1)).fetch(into: one)
                _ = try await SnapshotFetcher(credential: .apiKey("k"), options: FetchHarness.options(cloud, concurrency: 8)).fetch(into: eight)
            }
            let a = try FetchHarness.files(one), b = try FetchHarness.files(eight)
            #expect(a.filter { $0.key != "manifest.json" } == b.filter { $0.key != "manifest.json" })
        }

        @Test func refetchingIntoAnExistingSnapshotChangesOnlyTheFetchTime() async throws {
            let output = FetchHarness.temporaryDirectory()
            defer { try? FileManager.default.removeItem(at: output) }
            try await FetchHarness.withCloud { cloud in
                _ = try await SnapshotFetcher(credential: .apiKey("k"), options: FetchHarness.options(cloud)).fetch(into: output)
                let before = try FetchHarness.files(output)
                _ = try await SnapshotFetcher(credential: .apiKey("k"), options: FetchHarness.options(cloud)).fetch(into: output)
                let after = try FetchHarness.files(output)
                #expect(before.filter { $0.key != "manifest.json" } == after.filter { $0.key != "manifest.json" })
                #expect(try FetchHarness.timelessManifest(before["manifest.json"]!) == FetchHarness.timelessManifest(after["manifest.json"]!))
            }
        }
    }
}
