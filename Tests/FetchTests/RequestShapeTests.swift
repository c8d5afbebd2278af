import FakeCloud
import Fetch
import Foundation
import Snapshot
import Testing
import TestSupport

extension FetchSuites {
    /// The requests a fetch sends carry what IBM's API (and its SDK) require or need for the whole answer.
    @Suite struct RequestShapeTests {
        /// The demo, fetched: the request targets the fake cloud logged.
        static func targets() async throws -> [String] {
            let output = FetchHarness.temporaryDirectory()
            defer { try? FileManager.default.removeItem(at: output) }
            return try await FetchHarness.withCloud { cloud in
                _ = try await SnapshotFetcher(credential: .apiKey(FetchHarness.apiKey), options: FetchHarness.options(cloud))
                    .fetch(into: output)
                return cloud.requestLog.map(\.target)
            }
        }

        @Test func policyAssignmentsWithVersionAndUsersWithSettings() async throws {
            let targets = try await Self.targets()
            let assignments = targets.filter { $0.hasPrefix("/v1/policy_assignments?") }
            #expect(!assignments.isEmpty && assignments.allSatisfy { $0.contains("version=1.0") })
            let users = targets.filter { $0.hasPrefix("/v2/accounts/") && $0.contains("/users?") }
            #expect(!users.isEmpty && users.allSatisfy { $0.contains("include_settings=true") })
        }

        /// Roles an authorization policy grants are listed only with `policy_type=authorization` and its source and
        /// target services: the demo's Cloud Object Storage → Key Protect authorization asks for them.
        @Test func rolesOfAuthorizationPoliciesAreAskedFor() async throws {
            let roles = try await Self.targets().filter { $0.hasPrefix("/v2/roles?") }
            #expect(roles.contains { target in
                ["policy_type=authorization", "service_name=kms", "source_service_name=cloud-object-storage"]
                    .allSatisfy(target.contains)
            })
        }
    }
}
