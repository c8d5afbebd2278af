import FakeCloud
import Fetch
import Foundation
import Testing
import Snapshot

extension FetchSuites {
    /// A fetch that cannot read everything must not cost the user the snapshot they have.
    @Suite struct PartialSnapshotTests {
        /// Tokens are issued but every API call answers 401: the credentials are refused (7), nothing is written.
        @Test func refusedCredentialsExitSevenAndReplaceNothing() async throws {
            let target = try FetchHarness.copy()
            defer { try? FileManager.default.removeItem(at: target.deletingLastPathComponent()) }
            let before = try FetchHarness.files(target)
            try await FetchHarness.withCloud(faults: Faults(refuseTokens: true)) { cloud in
                let result = try await FetchHarness.runFetch(cloud, into: target)
                #expect(result.status == 7)
                #expect(result.stderr.contains("authentication failed"))
                #expect(result.stderr.contains("401"))
            }
            #expect(try FetchHarness.files(target) == before)
            #expect(try FetchHarness.siblings(of: target) == ["snapshot"])
        }

        /// A partial fetch over a complete snapshot: the snapshot stays, the partial one goes beside it, exit 6.
        @Test func aPartialFetchLeavesACompleteSnapshotAndSaysWhereItWent() async throws {
            let target = try FetchHarness.copy()
            defer { try? FileManager.default.removeItem(at: target.deletingLastPathComponent()) }
            let before = try FetchHarness.files(target)
            try await FetchHarness.withCloud(faults: Faults(forbidden: [.apiKeys])) { cloud in
                let result = try await FetchHarness.runFetch(cloud, into: target)
                #expect(result.status == 6)
                let siblings = try FetchHarness.siblings(of: target)
                #expect(siblings.count == 2)
                let partial = try #require(siblings.first { $0.hasPrefix("snapshot.partial-") })
                #expect(result.stderr.contains("\(target.path) was left as it was (it holds api_keys, which this fetch could not read)"))
                #expect(result.stderr.contains("the partial snapshot is in \(target.deletingLastPathComponent().appendingPathComponent(partial).path)"))
                let manifest = try JSONDecoder().decode(Manifest.self, from: Data(contentsOf: target.deletingLastPathComponent()
                    .appendingPathComponent(partial).appendingPathComponent(Manifest.fileName)))
                #expect(manifest.collections["api_keys"]?.status == .forbidden)
            }
            #expect(try FetchHarness.files(target) == before)
        }

        @Test func allowPartialLetsAPartialFetchReplaceTheSnapshot() async throws {
            let target = try FetchHarness.copy()
            defer { try? FileManager.default.removeItem(at: target.deletingLastPathComponent()) }
            try await FetchHarness.withCloud(faults: Faults(forbidden: [.apiKeys])) { cloud in
                let result = try await FetchHarness.runFetch(cloud, into: target, ["--allow-partial"])
                #expect(result.status == 6)
                #expect(result.stderr.contains("wrote \(target.path)"))
            }
            let manifest = try JSONDecoder().decode(Manifest.self, from: Data(contentsOf: target.appendingPathComponent(Manifest.fileName)))
            #expect(manifest.collections["api_keys"]?.status == .forbidden)
            #expect(!FileManager.default.fileExists(atPath: target.appendingPathComponent("api-keys.json").path))
            #expect(try FetchHarness.siblings(of: target) == ["snapshot"])
        }

        /// Nothing to lose: a first fetch is written in place, and so is a re-fetch missing only what was missing.
        @Test func aPartialFetchThatLosesNothingIsWrittenInPlace() async throws {
            let parent = FetchHarness.temporaryDirectory()
            let target = parent.appendingPathComponent("new/snapshot")
            defer { try? FileManager.default.removeItem(at: parent) }
            try await FetchHarness.withCloud(faults: Faults(forbidden: [.apiKeys])) { cloud in
                let fetcher = SnapshotFetcher(credential: .apiKey("k"), options: FetchHarness.options(cloud))
                let first = try await fetcher.fetch(into: target)
                let again = try await fetcher.fetch(into: target)
                let command = try await FetchHarness.runFetch(cloud, into: target)
                #expect(first.placement == .inPlace)
                #expect(again.placement == .inPlace)
                #expect(command.status == 6)
            }
            #expect(try FetchHarness.siblings(of: target) == ["snapshot"])
            try await FetchHarness.withCloud(faults: Faults(forbidden: [.apiKeys, .users])) { cloud in
                let report = try await SnapshotFetcher(credential: .apiKey("k"), options: FetchHarness.options(cloud)).fetch(into: target)
                guard case .beside(_, reason: .wouldLose(let lost)) = report.placement else {
                    Issue.record("expected the partial snapshot beside, got \(report.placement)")
                    return
                }
                #expect(lost == ["users"])
            }
        }
    }
}
