import FakeCloud
import Foundation
import Testing
import TestSupport

extension FetchSuites {
    /// What `iamgraph fetch` says on stderr: counts in good English, each fact once, and nothing but errors with --quiet.
    @Suite struct ProgressWordingTests {
        private func fetch(_ options: [String]) async throws -> ProcessRunner.Result {
            let output = FetchHarness.temporaryDirectory()
            defer { try? FileManager.default.removeItem(at: output) }
            return try await FetchHarness.withCloud(faults: Faults(forbidden: [.apiKeys])) { cloud in
                try await ProcessRunner.run(FetchHarness.executable,
                                            ["fetch", output.path, "--api-base", cloud.baseURL.absoluteString] + options,
                                            environment: ["IBMCLOUD_API_KEY": FetchHarness.apiKey])
            }
        }

        @Test func countsAreSingularForOneItem() async throws {
            let result = try await fetch([])
            #expect(result.status == 6)
            #expect(result.stderr.contains("iamgraph: authorization_policies: 1 item\n"), "\(result.stderr)")
            #expect(result.stderr.contains("iamgraph: users: 10 items\n"))
            #expect(!result.stderr.contains(" 1 items"))
            #expect(result.stderr.contains("iamgraph: wrote "))
        }

        @Test func theForbiddenStatusIsSaidOnce() async throws {
            let result = try await fetch([])
            let listed = try #require(result.stderr.split(separator: "\n").first { $0.hasPrefix("  api_keys: ") })
            #expect(listed.hasPrefix("  api_keys: forbidden (HTTP 403): "), "\(listed)")
            #expect(listed.components(separatedBy: "HTTP 403").count == 2, "\(listed)")
        }

        @Test func quietPrintsOnlyErrors() async throws {
            let result = try await fetch(["--quiet"])
            #expect(result.status == 6)
            #expect(!result.stderr.contains("wrote"), "\(result.stderr)")
            #expect(!result.stderr.contains("items"))
            #expect(result.stderr.contains("api_keys: forbidden"))
        }
    }
}
