@testable import Analysis
import Foundation
@testable import Model
import Snapshot
import Testing
import TestSupport

/// The numbered policy table the rules walk: on the samples it lists what the index lists, and on hostile policies
/// (no subject, duplicate ids, a group that does not exist, an authorization naming an identity, a policy naming
/// both a group and an identity) the rules that read it find what they found walking the policies themselves.
@Suite struct PolicyTableTests {
    static let samples: [String: Result<AccessIndex, any Error>] = [
        "demo": Result { AccessIndex(try DemoSample.account()) },
        "enterprise": Result { AccessIndex(try EnterpriseSample.account()) },
    ]

    /// Rows are the active access policies, then the active authorizations; each row's target, subjects and traits
    /// are what the index and the policy itself say.
    @Test(arguments: ["demo", "enterprise"])
    func tableAgreesWithTheIndex(_ sample: String) throws {
        let index = try #require(Self.samples[sample]).get()
        let account = index.account
        let table = PolicyTable(index)
        let active = account.accessPolicies.filter(\.isActive) + account.authorizationPolicies.filter(\.isActive)
        #expect(table.policies.map(\.id) == active.map(\.id))
        #expect(table.rows.count == active.count && table.targets.count == active.count)
        for (position, policy) in active.enumerated() {
            let row = table.rows[position], target = index.target(of: policy)
            #expect(table.targets[position] == target, "\(policy.id)")
            #expect(table.group(of: Int32(position)) == policy.subjectValue("access_group_id"))
            #expect(table.iamID(of: Int32(position)) == policy.subjectValue("iam_id"))
            #expect(row.traits.contains(.authorization) == policy.isAuthorization)
            #expect(row.traits.contains(.usesWildcards) == target.usesWildcards)
            #expect(row.traits.contains(.foreign) == target.isForeign(to: account.accountID))
            #expect(row.traits.contains(.namesInstance) == policy.resource.contains { $0.key == "serviceInstance" })
            #expect(row.traits.contains(.viewerOrReader) == policy.roleIDs.contains(where: GroupFindings.isViewerOrReader))
            #expect(row.traits.contains(.administratorOrManager) == policy.roleIDs.contains {
                AdministrationFindings.isAdministrator($0) || AdministrationFindings.isManager($0)
            })
        }
        let ids = { (rows: [Int32]?) in rows.map { $0.map { table.policies[Int($0)].id } } }
        for id in Set(table.groupIDs).union(index.policiesOfGroup.keys) {
            #expect(ids(table.rows(ofGroup: id)) == index.policiesOfGroup[id]?.map(\.id), "\(id)")
        }
        for iamID in Set(table.iamIDs).union(index.policiesOfIAMID.keys) {
            #expect(ids(table.rows(ofIAMID: iamID)) == index.policiesOfIAMID[iamID]?.map(\.id), "\(iamID)")
        }
    }

    /// The policies by last use are the table's rows in the order the report always listed them.
    @Test func policiesByLastUseKeepTheirOrder() throws {
        let report = try DemoAccount.report
        let uses = Array(report.policiesByLastUse.map(\.policy.id))
        let account = try DemoAccount.account
        let active = (account.accessPolicies + account.authorizationPolicies).filter(\.isActive)
        let expected = active.sorted { a, b in
            switch (a.lastPermitAt, b.lastPermitAt) {
            case (nil, nil): a.id < b.id
            case (nil, _?): true
            case (_?, nil): false
            case let (x?, y?): x == y ? a.id < b.id : x < y
            }
        }.map(\.id)
        #expect(uses == expected)
    }

    // MARK: Hostile policies

    static let ann = "IBMid-ann"
    static let missingGroup = "AccessGroupId-missing"

    /// Ann is in Ops (g1). Policies: one naming both Ops and Ann; two with the id `dup` (Ops on kms, then Ann on the
    /// whole account); one on a group that does not exist, with a wildcard; one with no subject at all; and an
    /// authorization whose subject names Ann besides its service, towards an instance that does not exist.
    static func hostile() throws -> AccessIndex {
        let both = Policy(id: "both", type: "access",
                          subject: [Fixture.attr("access_group_id", "g1"), Fixture.attr("iam_id", ann)],
                          roleIDs: [Fixture.viewer], resource: [Fixture.attr("accountId", Fixture.accountID), Fixture.attr("serviceName", "kms")],
                          lastPermitAt: Timestamp("2026-11-19T00:00:00Z"))
        let nobody = Policy(id: "nobody", type: "access", subject: [], roleIDs: [Fixture.viewer],
                            resource: [Fixture.attr("accountId", Fixture.accountID), Fixture.attr("serviceName", "cloud-object-storage")])
        let odd = Policy(id: "authz-odd", type: "authorization",
                         subject: [Fixture.attr("accountId", Fixture.accountID), Fixture.attr("serviceName", "cloud-object-storage"),
                                   Fixture.attr("iam_id", ann)],
                         roleIDs: [Fixture.reader],
                         resource: [Fixture.attr("accountId", Fixture.accountID), Fixture.attr("serviceName", "kms"),
                                    Fixture.attr("serviceInstance", "kms-gone")])
        let account = try Fixture.account(
            users: [try Fixture.user(ann, "Ann")],
            groups: [try Fixture.group("g1", "Ops", members: [ann])],
            policies: [
                both,
                Fixture.policy("dup", group: "g1", [Fixture.attr("serviceName", "kms")]),
                Fixture.policy("dup", iamID: ann, []),
                Fixture.policy("ghost", group: missingGroup, [Fixture.attr("serviceName", "kms*", "stringMatch")]),
                nobody,
            ],
            authorizations: [odd],
            instances: [try Fixture.instance("keys", guid: "kms-1")])
        return AccessIndex(account)
    }

    /// `(first entity, other entities' ids)` of each finding of a rule.
    func findings(_ report: FindingsReport, _ rule: RuleID) -> [[String]] {
        report.findings.filter { $0.rule == rule }.map { $0.entities.map(\.id) }
    }

    @Test func hostileSubjectsAreNumberedAsTheIndexListsThem() throws {
        let index = try Self.hostile()
        let table = PolicyTable(index)
        let ids = { (rows: [Int32]?) in (rows ?? []).map { table.policies[Int($0)].id } }
        #expect(table.policies.map(\.id) == ["both", "dup", "dup", "ghost", "nobody", "authz-odd"])
        // Both policies named `dup` have the index's target (the later one's): the rules see what every analysis sees.
        for row in [1, 2] as [Int32] { #expect(table.target(of: row) == index.target(of: table.policies[Int(row)])) }
        #expect(ids(table.rows(ofGroup: "g1")) == ["both", "dup"])
        #expect(ids(table.rows(ofGroup: Self.missingGroup)) == ["ghost"])
        // The authorization names Ann but gives her nothing.
        #expect(ids(table.rows(ofIAMID: Self.ann)) == ["both", "dup"])
        #expect(table.group(of: 4) == nil && table.iamID(of: 4) == nil)
        #expect(table.iamID(of: 5) == Self.ann)
    }

    @Test func rulesOverHostilePoliciesFindWhatTheyFound() throws {
        let report = FindingsReport(try Self.hostile())
        // A policy naming both a group and a user is still a policy on that user.
        #expect(findings(report, .policyOnUser) == [["both", Self.ann], ["dup", Self.ann]])
        // A policy on a group that does not exist names the group's id.
        #expect(findings(report, .policyUsesWildcard) == [["ghost", Self.missingGroup]])
        // Never used: by id; the subject is the group when a policy names one, none for a policy without subject, and
        // for the authorization the identity its subject names.
        #expect(findings(report, .policyNeverUsed) == [
            ["authz-odd", Self.ann], ["dup", "g1"], ["dup", Self.ann], ["ghost", Self.missingGroup], ["nobody"],
        ])
        #expect(findings(report, .authorizationOnMissingInstance) == [["authz-odd", "kms-gone"]])
        #expect(findings(report, .policyOnMissingInstance).isEmpty)
        // Ops reaches kms-1 (and `dup`'s target is the whole account): no instance is left without group access.
        #expect(findings(report, .instanceWithoutGroupAccess).isEmpty)
        // Ops has a policy naming a service and a Viewer: neither group rule fires, and the missing group is no group.
        #expect(findings(report, .groupWithoutService).isEmpty)
        #expect(findings(report, .groupWithoutReaderOrViewer).isEmpty)
        #expect(findings(report, .accessGroupWithoutPolicies).isEmpty)
        #expect(findings(report, .userInNoGroup).isEmpty)
    }

    /// An instance only a direct policy reaches names that policy and its holder; a group policy on a group that does
    /// not exist still counts as a group policy, as it always did.
    @Test func instanceReachedOnlyDirectly() throws {
        let account = try Fixture.account(
            users: [try Fixture.user(Self.ann, "Ann")],
            policies: [
                Fixture.policy("direct", iamID: Self.ann, [Fixture.attr("serviceName", "kms")]),
                Fixture.policy("ghost", group: Self.missingGroup, [Fixture.attr("serviceName", "cloud-object-storage")]),
            ],
            instances: [try Fixture.instance("keys", guid: "kms-1"),
                        try Fixture.instance("bucket", service: "cloud-object-storage", guid: "cos-1")])
        let report = FindingsReport(AccessIndex(account))
        #expect(findings(report, .instanceWithoutGroupAccess) == [["kms-1", "direct"]])
        let why = try #require(report.findings.first { $0.rule == .instanceWithoutGroupAccess }?.why)
        #expect(why.hasSuffix("only direct policies do (1): direct (Ann)"))
    }
}
