import FakeCloud
import Fetch
import Foundation
import Testing
import TestSupport
import Snapshot

extension FetchSuites {
    @Suite struct AtomicityTests {
        /// Kills `iamgraph fetch` (SIGKILL) while it is fetching into an existing snapshot: the old snapshot must be
        /// byte for byte as it was.
        @Test func killedFetchLeavesTheOldSnapshotUntouched() async throws {
            let parent = FetchHarness.temporaryDirectory()
            let target = parent.appendingPathComponent("snapshot")
            try FileManager.default.createDirectory(at: parent, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: parent) }
            try FileManager.default.copyItem(at: FetchHarness.demo, to: target)
            let before = try FetchHarness.files(target)

            try await FetchHarness.withCloud(faults: Faults(latency: .milliseconds(100))) { cloud in
                let running = try ProcessRunner.start(FetchHarness.executable,
                                                      ["fetch", target.path, "--api-base", cloud.baseURL.absoluteString, "--concurrency", "2"],
                                                      environment: ["IBMCLOUD_API_KEY": "k"])
                // Wait until the fetch is well under way, then kill it.
                let deadline = Date().addingTimeInterval(10)
                while cloud.counters.total < 8 && Date() < deadline { try await Task.sleep(nanoseconds: 20_000_000) }
                #expect(cloud.counters.total >= 8)
                kill(running.process.processIdentifier, SIGKILL)
                let result = await ProcessRunner.finish(running)
                #expect(result.status == SIGKILL)
            }
            #expect(try FetchHarness.files(target) == before)
        }

        @Test func failedFetchLeavesTheOldSnapshotUntouched() async throws {
            let target = FetchHarness.temporaryDirectory()
            defer { try? FileManager.default.removeItem(at: target) }
            try FileManager.default.copyItem(at: FetchHarness.demo, to: target)
            let before = try FetchHarness.files(target)
            await #expect(throws: FetchError.self) {
                try await FetchHarness.withCloud { cloud in
                    try await SnapshotFetcher(credential: .apiKey(FakeCloud.Options.rejectedKey), options: FetchHarness.options(cloud))
                        .fetch(into: target)
                }
            }
            #expect(try FetchHarness.files(target) == before)
        }
    }
}
