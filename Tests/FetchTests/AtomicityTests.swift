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
                // Wait until the fetch is well under way, then kill it. No deadline: on a loaded machine the process
                // may take long to start; only its ending early (it needs ~50 requests at 100 ms each) stops the wait.
                while cloud.counters.total < 8 && running.process.isRunning { try await Task.sleep(nanoseconds: 20_000_000) }
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

        /// SNAPSHOT is a symbolic link: its target gets the new snapshot and the link stays a link.
        @Test func aSymlinkedSnapshotIsReplacedThroughTheLink() async throws {
            let real = try FetchHarness.copy()
            let parent = real.deletingLastPathComponent()
            defer { try? FileManager.default.removeItem(at: parent) }
            let link = parent.appendingPathComponent("current")
            try FileManager.default.createSymbolicLink(atPath: link.path, withDestinationPath: "snapshot")
            let before = try FetchHarness.files(real)
            let result = try await FetchHarness.withCloud { cloud in try await FetchHarness.runFetch(cloud, into: link) }
            #expect(result.status == 0)
            #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link.path) == "snapshot")
            let after = try FetchHarness.files(real)
            #expect(after["manifest.json"] != before["manifest.json"])  // a new fetched_at: this is the new snapshot
            #expect(after.filter { $0.key != "manifest.json" } == before.filter { $0.key != "manifest.json" })
            #expect(try FetchHarness.siblings(of: real) == ["current", "snapshot"])
        }

        /// Two fetches into the same SNAPSHOT at once: both succeed, each replacement is whole (the later one wins),
        /// and nothing is left beside it.
        @Test func concurrentFetchesIntoOneSnapshotTakeTurns() async throws {
            let target = try FetchHarness.copy()
            defer { try? FileManager.default.removeItem(at: target.deletingLastPathComponent()) }
            let data = try FetchHarness.files(target).filter { $0.key != "manifest.json" }
            try await FetchHarness.withCloud(faults: Faults(latency: .milliseconds(5))) { cloud in
                async let one = FetchHarness.runFetch(cloud, into: target)
                async let two = FetchHarness.runFetch(cloud, into: target)
                let statuses = try await [one.status, two.status]
                #expect(statuses == [0, 0])
            }
            #expect(try FetchHarness.files(target).filter { $0.key != "manifest.json" } == data)
            #expect(try SnapshotReader.load(target).problems.filter { $0.severity == .error }.isEmpty)
            #expect(try FetchHarness.siblings(of: target) == ["snapshot"])
        }
    }
}
