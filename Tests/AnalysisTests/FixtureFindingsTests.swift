@testable import Analysis
import Foundation
@testable import Model
import Snapshot
import Testing

/// The rules the demo has no seed for, and the edges of the others, on hand-built accounts.
@Suite struct FixtureFindingsTests {
    func ids(_ report: FindingsReport, _ rule: RuleID) -> [String] {
        report.findings.filter { $0.rule == rule }.map { $0.entities[0].id }
    }

    @Test func forbiddenCollectionIsAFindingAndSilencesTheRulesThatNeedIt() throws {
        let account = try Fixture.account(
            serviceIDs: [try Fixture.serviceID("svc")],
            unknown: [.apiKeys: .notFetched(.forbidden, httpStatus: 403, message: "not authorized to list API keys"),
                      .users: .notFetched(.failed, httpStatus: 0, message: nil)])
        let report = FindingsReport(AccessIndex(account))
        #expect(ids(report, .collectionUnknown) == ["api_keys", "users"])
        let apiKeys = try #require(report.findings.first { $0.rule == .collectionUnknown })
        #expect(apiKeys.why.hasPrefix("forbidden (HTTP 403): not authorized to list API keys"))
        #expect(apiKeys.why.contains("not evaluated: service-id-key-without-access"))
        #expect(apiKeys.location == .apiKeys)
        #expect(ids(report, .serviceIDKeyWithoutAccess).isEmpty)
        #expect(report.gaps.contains(RuleGap(rule: .serviceIDKeyWithoutAccess, evaluated: false, reason: "unknown: api_keys")))
        #expect(report.gaps.contains(RuleGap(rule: .userInNoGroup, evaluated: false, reason: "unknown: users")))
        #expect(report.gaps.contains(RuleGap(rule: .policyOnUser, evaluated: true, reason: "unknown: users")))
        #expect(report.hasFindings(atLeast: .warning))
        #expect(!report.hasFindings(atLeast: .error))
    }

    @Test func unknownMembershipsAreNotReadAsNobodyInAGroup() throws {
        let account = try Fixture.account(users: [try Fixture.user("IBMid-ann", "Ann")],
                                      unknown: [.accessGroupMembers: .notInManifest])
        let report = FindingsReport(AccessIndex(account))
        #expect(ids(report, .userInNoGroup).isEmpty)
        #expect(ids(report, .collectionUnknown) == ["access_group_members"])
    }

    @Test func authorizationOnMissingInstance() throws {
        let cos = try Fixture.instance("cos", service: "cloud-object-storage", guid: "cos-1")
        let kms = try Fixture.instance("kms", service: "kms", guid: "kms-1")
        let account = try Fixture.account(
            authorizations: [
                Fixture.authorization("ok", source: [Fixture.attr("serviceName", "cloud-object-storage"), Fixture.attr("serviceInstance", "cos-1")],
                                      target: [Fixture.attr("serviceName", "kms"), Fixture.attr("serviceInstance", "kms-1")]),
                Fixture.authorization("gone", source: [Fixture.attr("serviceName", "cloud-object-storage"), Fixture.attr("serviceInstance", "cos-1")],
                                      target: [Fixture.attr("serviceName", "kms"), Fixture.attr("serviceInstance", "kms-2")]),
                Fixture.authorization("pattern", source: [Fixture.attr("serviceName", "cloud-object-storage")],
                                      target: [Fixture.attr("serviceName", "kms"), Fixture.attr("serviceInstance", "kms-*", "stringMatch")]),
                Policy(id: "cross-account", type: "authorization",
                       subject: [Fixture.attr("accountId", "other"), Fixture.attr("serviceName", "cloud-object-storage"),
                                 Fixture.attr("serviceInstance", "foreign")],
                       roleIDs: [Fixture.reader],
                       resource: [Fixture.attr("accountId", Fixture.accountID), Fixture.attr("serviceName", "kms"),
                                  Fixture.attr("serviceInstance", "kms-1")]),
            ],
            instances: [cos, kms])
        let report = FindingsReport(AccessIndex(account))
        let findings = report.findings.filter { $0.rule == .authorizationOnMissingInstance }
        #expect(findings.map { $0.entities.map(\.id) } == [["gone", "kms-2"]])
        #expect(findings.first?.why.contains("target instance kms-2 does not exist") == true)
        #expect(findings.first?.location == .authorizationPolicies)
    }

    @Test func profileNothingCanAssume() throws {
        let account = try Fixture.account(profiles: [
            try Fixture.profile("orphan"), try Fixture.profile("federated", rules: true), try Fixture.profile("compute", links: true),
            try Fixture.profile("assumed", identities: ["IBMid-ann"]),
        ])
        #expect(ids(FindingsReport(AccessIndex(account)), .profileUnassumable) == ["Profile-orphan"])
    }

    @Test func inactiveIdentitiesAndAPIKeysFromTheActivityReport() throws {
        let activity: ActivityReport = try Fixture.decode([
            "report_start_time": "2026-10-21T09:00:00Z",
            "users": [["iam_id": "IBMid-old", "last_authn": "2026-01-01T00:00:00Z"], ["iam_id": "IBMid-never"],
                      ["iam_id": "IBMid-recent", "last_authn": "2026-11-10T00:00:00Z"]],
            "serviceids": [["id": "ServiceId-svc", "name": "svc"]],
            "profiles": [["id": "Profile-p", "name": "p", "last_authn": "2026-11-19T00:00:00Z"]],
            "apikeys": [["id": "ApiKey-1", "name": "k", "last_authn": "2022-03-18T19:07:37:999+0000"]],
        ])
        let account = try Fixture.account(users: [try Fixture.user("IBMid-old", "Old")], serviceIDs: [try Fixture.serviceID("svc")],
                                      activity: activity)
        let report = FindingsReport(AccessIndex(account))
        #expect(ids(report, .identityInactive) == ["IBMid-old", "IBMid-never", "ServiceId-svc"])
        #expect(ids(report, .apiKeyInactive) == ["ApiKey-1"])
        let never = report.findings.first { $0.entities[0].id == "IBMid-never" }
        #expect(never?.why == "no authentication recorded since the activity report's window began on 2026-10-21")
        let old = report.findings.first { $0.entities[0].id == "IBMid-old" }
        #expect(old?.why == "last authenticated 2026-01-01, 323 days before 2026-11-20")
        #expect(old?.entities[0].name == "Old")
        // With a shorter window the recent user is inactive too.
        let strict = FindingsReport(AccessIndex(account), options: FindingsOptions(inactiveDays: 5))
        #expect(ids(strict, .identityInactive) == ["IBMid-old", "IBMid-never", "IBMid-recent", "ServiceId-svc"])
    }

    @Test func withoutUsageDataPolicyUseIsUnknownNotNeverUsed() throws {
        let account = try Fixture.account(groups: [try Fixture.group("AccessGroupId-g", "G", members: ["IBMid-ann"])],
                                      policies: [Fixture.policy("p1", group: "AccessGroupId-g", [Fixture.attr("serviceName", "kms")])])
        let report = FindingsReport(AccessIndex(account))
        #expect(ids(report, .policyNeverUsed).isEmpty)
        #expect(report.gaps.map(\.rule) == [.policyNeverUsed, .policyInactive, .identityInactive, .apiKeyInactive,
                                            .serviceCredentialUnused])
        #expect(report.policiesByLastUse.isEmpty)
    }

    @Test func serviceIDKeyWithoutAccessCountsProfilesButNotPublicAccess() throws {
        func key(_ id: String, owner: String) throws -> APIKey { try Fixture.decode(["id": id, "iam_id": owner, "name": id]) }
        let account = try Fixture.account(
            serviceIDs: [try Fixture.serviceID("idle"), try Fixture.serviceID("assumer"), try Fixture.serviceID("keyless")],
            profiles: [try Fixture.profile("ops", identities: ["iam-ServiceId-assumer"])],
            groups: [try Fixture.group(AccessGroup.publicAccessID, "Public Access")],
            policies: [Fixture.policy("public", group: AccessGroup.publicAccessID, [Fixture.attr("serviceName", "cos")]),
                       Fixture.policy("ops", iamID: "iam-Profile-ops", [Fixture.attr("serviceName", "kms")])],
            apiKeys: [key("ApiKey-idle", owner: "iam-ServiceId-idle"), key("ApiKey-assumer", owner: "iam-ServiceId-assumer")])
        let report = FindingsReport(AccessIndex(account))
        #expect(ids(report, .serviceIDKeyWithoutAccess) == ["ServiceId-idle"])
        #expect(report.findings.first { $0.rule == .serviceIDKeyWithoutAccess }?.entities.map(\.id) == ["ServiceId-idle", "ApiKey-idle"])
    }

    @Test func administratorsNeedUnnarrowedAccountWideAdministrator() throws {
        func user(_ n: String) throws -> User { try Fixture.user("IBMid-\(n)", n) }
        let account = try Fixture.account(
            users: ["anyGroup", "region", "service", "platform"].map(user),
            groups: [try Fixture.group("AccessGroupId-platform", "Platform", members: ["IBMid-platform"])],
            policies: [
                Fixture.policy("any", iamID: "IBMid-anyGroup", roles: [Fixture.administrator, Fixture.manager],
                               [Fixture.attr("resourceGroupId", "*")]),
                Fixture.policy("region", iamID: "IBMid-region", roles: [Fixture.administrator],
                               [Fixture.attr("serviceType", "service"), Fixture.attr("region", "us-south")]),
                Fixture.policy("service", iamID: "IBMid-service", roles: [Fixture.administrator], [Fixture.attr("serviceName", "kms")]),
                Fixture.policy("platform", group: "AccessGroupId-platform", roles: [Fixture.administrator],
                               [Fixture.attr("serviceType", "platform_service")]),
            ],
            owner: "IBMid-owner")
        let report = FindingsReport(AccessIndex(account))
        #expect(ids(report, .accountAdministrator) == ["IBMid-anyGroup", "IBMid-platform"])
        #expect(report.findings.first { $0.rule == .accountAdministrator }?.why
                == "Administrator + Manager on all IAM-enabled services (policy any, direct)")
        // Administrator on anything lets one assign access to it; the owner always can.
        #expect(ids(report, .canAssignAccess) == ["IBMid-anyGroup", "IBMid-owner", "IBMid-platform", "IBMid-region", "IBMid-service"])
        let service = report.findings.first { $0.rule == .canAssignAccess && $0.entities[0].id == "IBMid-service" }
        #expect(service?.why == "can assign access as Administrator on kms across the account (policy service, direct)")
    }

    @Test func manyAssigningScopesAreCountedPerPathBeyondTheListedOnes() throws {
        let services = ["kms", "cos", "iks", "redis", "mongodb", "etcd", "toolchain", "logdna"]
        let account = try Fixture.account(
            users: [try Fixture.user("IBMid-busy", "busy")],
            groups: [try Fixture.group("AccessGroupId-ops", "Ops", members: ["IBMid-busy"])],
            policies: services.enumerated().map { position, service in
                position < 6 ? Fixture.policy("p\(position)", group: "AccessGroupId-ops", roles: [Fixture.administrator],
                                              [Fixture.attr("serviceName", service)])
                    : Fixture.policy("p\(position)", iamID: "IBMid-busy", roles: [Fixture.administrator],
                                     [Fixture.attr("serviceName", service)])
            })
        let finding = try #require(FindingsReport(AccessIndex(account)).findings.first { $0.rule == .canAssignAccess })
        // Ordered by path ("access group Ops" before "direct"), then target.
        #expect(finding.why.components(separatedBy: "Administrator on ").count - 1 == AdministrationFindings.listedScopes)
        #expect(finding.why.hasSuffix("; and 3 more scopes (1 via access group Ops, 2 direct: `iamgraph access --identity IBMid-busy` lists them)"))
        #expect(finding.entities.map(\.id) == ["IBMid-busy", "p1", "p5", "p2", "p0", "p4", "AccessGroupId-ops"])
    }

    @Test func manyAdministratorPoliciesAreCountedBeyondTheListedOnes() throws {
        let account = try Fixture.account(
            users: [try Fixture.user("IBMid-admin", "admin")],
            groups: [try Fixture.group("AccessGroupId-ops", "Ops", members: ["IBMid-admin"])],
            policies: (0..<7).map {
                Fixture.policy("p\($0)", group: "AccessGroupId-ops", roles: [Fixture.administrator],
                               [Fixture.attr("serviceType", "platform_service")])
            })
        let finding = try #require(FindingsReport(AccessIndex(account)).findings.first { $0.rule == .accountAdministrator })
        #expect(finding.why == "Administrator on all account management services (policies p0, p1, p2 and 4 more, via access group Ops)")
        #expect(finding.entities.map(\.id) == ["IBMid-admin", "p0", "p1", "p2", "p3", "p4", "AccessGroupId-ops"])
    }

    @Test func publicAccessDisabledInSettingsIsSaid() throws {
        let base = try Fixture.account(groups: [try Fixture.group(AccessGroup.publicAccessID, "Public Access")],
                                   policies: [Fixture.policy("public", group: AccessGroup.publicAccessID, [Fixture.attr("serviceName", "cos")])])
        let account = IAMAccount(accountID: base.accountID, fetchedAt: base.fetchedAt, scope: .account,
                                 accessGroups: base.accessGroups,
                                 accessGroupSettings: try Fixture.decode(["public_access_enabled": false]),
                                 accessPolicies: base.accessPolicies)
        let finding = FindingsReport(AccessIndex(account)).findings.first { $0.rule == .publicAccessPolicy }
        #expect(finding?.why.contains("public access is disabled") == true)
    }

    @Test func policyOnAnotherAccountIsAFindingAndLabelledSo() throws {
        let foreign = Policy(id: "foreign", type: "access", subject: [Fixture.attr("access_group_id", "AccessGroupId-ops")],
                             roleIDs: [Fixture.administrator],
                             resource: [Fixture.attr("accountId", "0123456789abcdef0123456789abcdef"),
                                        Fixture.attr("serviceName", "kms")])
        let account = try Fixture.account(groups: [try Fixture.group("AccessGroupId-ops", "Ops")],
                                      policies: [foreign, Fixture.policy("home", group: "AccessGroupId-ops", [Fixture.attr("serviceName", "kms")])])
        let report = FindingsReport(AccessIndex(account))
        #expect(ids(report, .policyForeignAccount) == ["foreign"])
        let finding = try #require(report.findings.first { $0.rule == .policyForeignAccount })
        #expect(finding.entities.map(\.id) == ["foreign", "AccessGroupId-ops"])
        #expect(finding.why.contains("not this account (acct)"))
        #expect(finding.why.contains("kms across the account (in account 0123456789abcdef0123456789abcdef, not this account)"))
    }
}
