import FakeCloud
import Fetch
import Foundation
import Snapshot
import TestSupport

/// A fake IBM Cloud serving a sample, and helpers to fetch from it into temporary directories.
struct FetchHarness {
    static let demo = Samples.demo
    static let enterprise = Samples.enterprise
    static let apiKey = "test-KEY-6c1d2e3f-never-print-me"

    /// Runs `body` with a started fake cloud, stopping it afterwards.
    static func withCloud<T>(_ sample: URL = demo, faults: Faults = .none,
                             _ body: (FakeCloud) async throws -> T) async throws -> T {
        let cloud = try FakeCloud(snapshot: sample, faults: faults)
        try await cloud.start()
        do {
            let result = try await body(cloud)
            await cloud.stop()
            return result
        } catch {
            await cloud.stop()
            throw error
        }
    }

    static func options(_ cloud: FakeCloud, concurrency: Int = 8, identity: String? = nil) -> FetchOptions {
        FetchOptions(apiBase: cloud.baseURL, identity: identity, concurrency: concurrency,
                     transport: .init(userAgent: "iamgraph-tests", totalTimeout: 30),
                     // The fake's faults fire on every Nth request across all connections, so a retried request
                     // can land on another multiple of N: 8 attempts make a spurious give-up vanishingly rare.
                     retry: RetryPolicy(maxAttempts: 8, baseDelay: 0.01, maxDelay: 0.05))
    }

    static func temporaryDirectory() -> URL {
        TemporaryDirectory.path("iamgraph-fetch")
    }

    /// Every file under a directory, by relative path.
    static func files(_ directory: URL) throws -> [String: Data] {
        var result: [String: Data] = [:]
        let enumerator = FileManager.default.enumerator(at: directory, includingPropertiesForKeys: [.isRegularFileKey])
        while let url = enumerator?.nextObject() as? URL {
            guard (try url.resourceValues(forKeys: [.isRegularFileKey])).isRegularFile == true else { continue }
            result[String(url.path.dropFirst(directory.path.count + 1))] = try Data(contentsOf: url)
        }
        return result
    }

    /// The manifest with `fetched_at` blanked, for comparisons "apart from the manifest's times".
    static func timelessManifest(_ data: Data) throws -> Manifest {
        var manifest = try JSONDecoder().decode(Manifest.self, from: data)
        manifest.fetchedAt = ""
        return manifest
    }

    /// A fresh parent directory holding `snapshot`, a copy of `sample`; returns the snapshot's URL. Remove the parent
    /// (`deletingLastPathComponent()`) afterwards.
    static func copy(of sample: URL = demo) throws -> URL {
        let parent = temporaryDirectory()
        try FileManager.default.createDirectory(at: parent, withIntermediateDirectories: true)
        let target = parent.appendingPathComponent("snapshot")
        try FileManager.default.copyItem(at: sample, to: target)
        // Without the sample's MFA report (the demo has one), which a fetch without --with-mfa-report does not
        // write: the copy is what such a fetch of the sample writes.
        let report = target.appendingPathComponent(VolatileArea.mfa.file)
        if FileManager.default.fileExists(atPath: report.path) {
            try FileManager.default.removeItem(at: report)
            _ = try Resealer().reseal(target)
        }
        return target
    }

    /// The sample's files a fetch without reports must reproduce: all but SEEDS.md, the manifest and the MFA report.
    static func fetchedData(of sample: URL = demo) throws -> [String: Data] {
        try files(sample).filter { !["SEEDS.md", "manifest.json", VolatileArea.mfa.file].contains($0.key) }
    }

    /// The names beside `directory` (its own included), sorted.
    static func siblings(of directory: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: directory.deletingLastPathComponent().path).sorted()
    }

    /// Runs `iamgraph fetch` into `directory` from `cloud` with an API key and `arguments`.
    static func runFetch(_ cloud: FakeCloud, into directory: URL, _ arguments: [String] = []) async throws -> ProcessRunner.Result {
        try await ProcessRunner.run(executable, ["fetch", directory.path, "--api-base", cloud.baseURL.absoluteString] + arguments,
                                    environment: ["IBMCLOUD_API_KEY": apiKey])
    }

    /// The built `iamgraph` executable.
    static var executable: URL { ProcessRunner.iamgraph }
}
