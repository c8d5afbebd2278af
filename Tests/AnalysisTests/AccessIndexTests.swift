@testable import Analysis
import Foundation
@testable import Model
import Snapshot
import Testing
import TestSupport

/// The index is built on two threads (the policies' targets on one, the rest on the other) and makes its subjects
/// once, on first use: what it holds is what one thread found walking the account in order.
@Suite struct AccessIndexTests {
    static let ann = "IBMid-ann", bob = "IBMid-bob", cat = "IBMid-cat", dan = "IBMid-dan"

    /// Ann is a user in Ops; Bob a member the user list lacks; Cat may only assume a profile; Dan holds only a direct
    /// policy. The id `dup` is an active access policy, an inactive one and an authorization (in that order); `off`
    /// is inactive; `authz-off` is an inactive authorization.
    static func account() throws -> IAMAccount {
        var inactive = Fixture.policy("dup", iamID: dan, [Fixture.attr("serviceName", "iam-groups")])
        inactive = Policy(id: inactive.id, type: inactive.type, state: "deleted", subject: inactive.subject,
                          roleIDs: inactive.roleIDs, resource: inactive.resource)
        let off = Policy(id: "off", type: "access", state: "deleted", subject: [Fixture.attr("iam_id", dan)],
                         roleIDs: [Fixture.viewer], resource: [Fixture.attr("accountId", Fixture.accountID)])
        let authorization = Fixture.authorization("dup", source: [Fixture.attr("serviceName", "cloud-object-storage")],
                                                  target: [Fixture.attr("serviceName", "kms")])
        let inactiveAuthorization = Fixture.authorization("authz-off", source: [Fixture.attr("serviceName", "is")],
                                                          target: [Fixture.attr("serviceName", "kms")])
        let authorizationOff = Policy(id: inactiveAuthorization.id, type: inactiveAuthorization.type, state: "deleted",
                                      subject: inactiveAuthorization.subject, roleIDs: inactiveAuthorization.roleIDs,
                                      resource: inactiveAuthorization.resource)
        return try Fixture.account(
            users: [try Fixture.user(ann, "Ann")],
            profiles: [try Fixture.profile("deployer", identities: [cat])],
            groups: [try Fixture.group("g1", "Ops", members: [ann, bob])],
            policies: [
                Fixture.policy("dup", group: "g1", [Fixture.attr("serviceName", "cloud-object-storage")]),
                inactive,
                off,
                Fixture.policy("direct", iamID: dan, [Fixture.attr("serviceName", "kms")]),
            ],
            authorizations: [authorization, authorizationOff])
    }

    /// Every active access policy and every authorization has a target; where ids repeat, the last one's
    /// (authorizations after access policies), as one thread walking the lists in order found them.
    @Test func targetsAreTheLastOfEachIDInTheAccountsOrder() throws {
        let account = try Self.account()
        let index = AccessIndex(account)
        let authorization = account.authorizationPolicies[0]
        #expect(Set(index.targets.keys) == ["dup", "direct", "authz-off"])
        #expect(index.targets["dup"] == PolicyTarget(authorization, homeAccount: Fixture.accountID))
        #expect(index.targets["authz-off"] == PolicyTarget(account.authorizationPolicies[1], homeAccount: Fixture.accountID))
        #expect(index.targets["direct"] == PolicyTarget(account.accessPolicies[3], homeAccount: Fixture.accountID))
        #expect(index.policiesOfIAMID[Self.dan]?.map(\.id) == ["direct"])
        #expect(index.policiesOfGroup["g1"]?.map(\.id) == ["dup"])
    }

    /// The subjects are the identities and every IAM id a policy, membership or profile names, sorted; asked on two
    /// threads at once, both get the one list.
    @Test func subjectsAreMadeOnceForEveryThreadThatAsks() throws {
        let index = AccessIndex(try Self.account())
        let expected = ([Self.ann, "iam-Profile-deployer", Self.bob, Self.cat, Self.dan]).sorted()
        let lists = ThreadResults()
        DispatchQueue.concurrentPerform(iterations: 2) { _ in lists.append(index.subjects) }
        #expect(lists.all == [expected, expected])
        #expect(index.subjects == expected)
    }

    /// On both samples, the index holds what walking the account on one thread gives.
    @Test(arguments: ["demo", "enterprise"])
    func samplesAreIndexedAsOneThreadWouldIndexThem(_ sample: String) throws {
        let account = try sample == "demo" ? DemoSample.account() : EnterpriseSample.account()
        let index = AccessIndex(account)
        var targets: [String: PolicyTarget] = [:]
        for policy in account.accessPolicies where policy.isActive {
            targets[policy.id] = PolicyTarget(policy, homeAccount: account.accountID)
        }
        for policy in account.authorizationPolicies { targets[policy.id] = PolicyTarget(policy, homeAccount: account.accountID) }
        #expect(index.targets == targets)
        var subjects = Set(account.identities.map(\.iamID))
        for policy in account.accessPolicies where policy.isActive { policy.subjectValue("iam_id").map { _ = subjects.insert($0) } }
        for group in account.accessGroups { subjects.formUnion(group.members.map(\.iamID)) }
        for profile in account.trustedProfiles { subjects.formUnion(profile.identities.map(\.iamID)) }
        #expect(index.subjects == subjects.sorted())
    }
}

/// Lists handed in by several threads.
private final class ThreadResults: @unchecked Sendable {
    private let lock = NSLock()
    private var lists: [[String]] = []

    func append(_ list: [String]) { lock.withLock { lists.append(list) } }
    var all: [[String]] { lock.withLock { lists } }
}
