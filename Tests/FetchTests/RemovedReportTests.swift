import FakeCloud
import Fetch
import Foundation
import Snapshot
import Testing
import TestSupport

extension FetchSuites {
    /// A report of the volatile area that the snapshot in place had and a new fetch did not bring is removed with the
    /// rest of the old snapshot (never carried over), and the fetch says so on stderr, even with `--quiet`.
    @Suite struct RemovedReportTests {
        private static let mfa = "volatile/mfa.json"

        /// Fetches the demo (which has an MFA report) into `output` with `--with-mfa-report`.
        private static func fetchWithMFA(_ cloud: FakeCloud, into output: URL) async throws -> FetchReport {
            var options = FetchHarness.options(cloud)
            options.withMFAReport = true
            options.activityPoll = (interval: 0.05, attempts: 20)
            return try await SnapshotFetcher(credential: .apiKey(FetchHarness.apiKey), options: options).fetch(into: output)
        }

        @Test func aFetchWithoutTheMFAOptionSaysItRemovedTheReport() async throws {
            let output = FetchHarness.temporaryDirectory()
            defer { try? FileManager.default.removeItem(at: output) }
            try await FetchHarness.withCloud { cloud in
                let first = try await Self.fetchWithMFA(cloud, into: output)
                #expect(first.removedReports.isEmpty)
                #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent(Self.mfa).path))

                let without = try await ProcessRunner.run(FetchHarness.executable,
                                                          ["fetch", output.path, "--quiet", "--api-base", cloud.baseURL.absoluteString],
                                                          environment: ["IBMCLOUD_API_KEY": FetchHarness.apiKey])
                #expect(without.status == 0, "\(without.stderr)")
                #expect(!FileManager.default.fileExists(atPath: output.appendingPathComponent(Self.mfa).path))
                #expect(without.stderr == "iamgraph: warning: volatile/mfa.json, the MFA enrolment report of the snapshot "
                        + "replaced, was removed: this fetch ran without --with-mfa-report; a report is never carried over "
                        + "from an older fetch (git keeps the old one if it was committed)\n", "\(without.stderr)")

                // Nothing left to remove: no warning.
                let again = try await SnapshotFetcher(credential: .apiKey(FetchHarness.apiKey), options: FetchHarness.options(cloud))
                    .fetch(into: output)
                #expect(again.removedReports.isEmpty)
            }
        }

        /// A fetch that asked for the report and could not read it says so, rather than blaming a missing option.
        @Test func aReportAskedForButNotReadIsSaidToBeRemovedForThatReason() async throws {
            let output = FetchHarness.temporaryDirectory()
            defer { try? FileManager.default.removeItem(at: output) }
            try await FetchHarness.withCloud { cloud in
                _ = try await Self.fetchWithMFA(cloud, into: output)
                var options = FetchHarness.options(cloud)
                options.withMFAReport = true
                options.activityPoll = (interval: 0.01, attempts: 0)  // never ready
                let report = try await SnapshotFetcher(credential: .apiKey(FetchHarness.apiKey), options: options).fetch(into: output)
                #expect(report.removedReports.map(\.message) == [
                    "volatile/mfa.json, the MFA enrolment report of the snapshot replaced, was removed: this fetch could not "
                    + "read a new one; a report is never carried over from an older fetch (git keeps the old one if it was committed)"])
            }
        }
    }
}
