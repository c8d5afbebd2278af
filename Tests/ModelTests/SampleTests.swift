import Foundation
import Testing
@testable import Model
@testable import Snapshot
import TestSupport

/// The bundled samples are the first thing a new user runs: each must load with no problem at all.
@Suite struct SampleTests {
    static let samples = Samples.directory

    static var sampleNames: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: samples.path)) ?? []).filter { !$0.hasPrefix(".") }.sorted()
    }

    @Test func bothSamplesAreBundled() {
        #expect(Set(Self.sampleNames).isSuperset(of: ["demo", "enterprise"]))
    }

    @Test(arguments: sampleNames)
    func sampleValidatesWithoutProblems(name: String) throws {
        let (account, problems) = try AccountLoader.load(directory: Self.samples.appendingPathComponent(name))
        #expect(problems == [])
        #expect(account.unknown.isEmpty)
        #expect(!account.users.isEmpty && !account.accessPolicies.isEmpty && !account.resourceInstances.isEmpty)
    }

    @Test func demoHasTheEntitiesTheIssueAskedFor() throws {
        let (account, _) = try AccountLoader.load(directory: Self.samples.appendingPathComponent("demo"))
        #expect(account.users.count == 10)
        #expect(account.serviceIDs.count == 5)
        #expect(account.trustedProfiles.count == 2)
        #expect(account.trustedProfiles.contains { $0.rules.contains { $0.type == "Profile-SAML" } })
        #expect(account.trustedProfiles.contains { !$0.links.isEmpty })
        #expect(account.accessGroups.count == 9)
        #expect(account.groupsByID[AccessGroup.publicAccessID] != nil)
        #expect(account.accessPolicies.contains { $0.subjectValue("access_group_id") == AccessGroup.publicAccessID })
        #expect(account.accessGroups.contains { !$0.rules.isEmpty && $0.members.contains(where: \.isDynamic) })
        #expect(account.accessPolicies.contains { $0.subjectValue("iam_id")?.hasPrefix("IBMid-") == true })
        #expect(account.roles.contains { $0.kind == .custom })
        #expect(account.authorizationPolicies.count == 1)
        #expect(account.accessPolicies.contains { $0.rule?.isTimeBased == true })
        #expect(account.accessPolicies.contains { $0.origin == .v1 })
        #expect(account.accessPolicies.contains { $0.lastPermitAt == nil })
        #expect(account.accessPolicies.contains { policy in
            policy.resourceAttribute("serviceInstance").map { account.instancesByGUID[$0.value.description] == nil } ?? false
        })
        #expect(account.accessGroups.contains { $0.members.isEmpty && !$0.isPublicAccess })
    }
}
