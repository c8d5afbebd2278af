import FakeCloud
import Fetch
import Foundation
import Graph
import Model
import Snapshot
import Testing
import TestSupport

extension FetchSuites {
    @Suite struct IdentityScopeTests {
        /// A user in Developers and Data Engineers (dynamic) fetches only their own access; the map then works on it.
        @Test func identityScopeFetchesOnlyThatIdentitysGroupsAndPolicies() async throws {
            let user = DemoIDs.sofia
            let output = FetchHarness.temporaryDirectory()
            defer { try? FileManager.default.removeItem(at: output) }
            let report = try await FetchHarness.withCloud { cloud in
                try await SnapshotFetcher(credential: .apiKey("k"), options: FetchHarness.options(cloud, identity: user)).fetch(into: output)
            }
            #expect(report.manifest.scope == .identity(user))
            #expect(Set(report.manifest.collections.keys) == ["access_groups", "access_group_members", "access_group_rules",
                                                               "access_policies", "roles"])
            let (account, problems) = try AccountLoader.load(directory: output)
            #expect(problems.filter { $0.severity == .error }.isEmpty)
            let demo = try AccountLoader.load(directory: FetchHarness.demo).account
            let expectedGroups = Set(demo.accessGroups.filter { group in group.members.contains { $0.iamID == user } }.map(\.id))
            #expect(Set(account.accessGroups.map(\.id)).subtracting([AccessGroup.publicAccessID]) == expectedGroups)
            // Exactly the policies on those groups, on Public Access and on the user.
            let subjects = expectedGroups.union([AccessGroup.publicAccessID])
            let expectedPolicies = demo.accessPolicies.filter {
                subjects.contains($0.subjectValue("access_group_id") ?? "") || $0.subjectValue("iam_id") == user
            }.map(\.id)
            #expect(account.accessPolicies.map(\.id) == expectedPolicies.sorted())
            #expect(!account.isKnown(.users))
            #expect(account.scope == .identity(user))
            // The user is not in the snapshot's user list (unknown), so the map focuses on the group instead.
            let graph = try AccessMap.build(account, options: ViewOptions(focus: .accessGroup(demo.accessGroups.first { $0.name == "Developers" }!.id)))
            #expect(graph.edges.contains { $0.kind == .grants })
        }
    }
}

extension FetchSuites {
    @Suite struct ActivityFetchTests {
        /// `--with-activity`: POST the report, poll while 204, keep it in the volatile area (not in the main files).
        @Test func activityReportLandsInTheVolatileArea() async throws {
            let output = FetchHarness.temporaryDirectory()
            defer { try? FileManager.default.removeItem(at: output) }
            var options: FetchOptions? = nil
            let report = try await FetchHarness.withCloud { cloud in
                options = FetchHarness.options(cloud)
                options!.withActivity = true
                options!.activityPoll = (interval: 0.05, attempts: 20)
                return try await SnapshotFetcher(credential: .apiKey("k"), options: options!).fetch(into: output)
            }
            let entry = try #require(report.manifest.volatile["activity"])
            #expect(entry.file == "volatile/activity.json")
            let (account, problems) = try AccountLoader.load(directory: output)
            #expect(problems.filter { $0.severity == .error }.isEmpty)
            #expect(account.activity != nil)
        }

        /// `--with-mfa-report`: POST the MFA report, poll while 204, keep it in the volatile area; it loads and
        /// survives a re-seal.
        @Test func mfaReportLandsInTheVolatileArea() async throws {
            let output = FetchHarness.temporaryDirectory()
            defer { try? FileManager.default.removeItem(at: output) }
            let report = try await FetchHarness.withCloud { cloud in
                var options = FetchHarness.options(cloud)
                options.withMFAReport = true
                options.activityPoll = (interval: 0.05, attempts: 20)
                return try await SnapshotFetcher(credential: .apiKey("k"), options: options).fetch(into: output)
            }
            let entry = try #require(report.manifest.volatile["mfa"])
            #expect(entry.file == "volatile/mfa.json")
            #expect(report.manifest.volatile["activity"] == nil)
            let (account, problems) = try AccountLoader.load(directory: output)
            #expect(problems.filter { $0.severity == .error }.isEmpty)
            #expect(account.mfa != nil)
        }
    }
}
