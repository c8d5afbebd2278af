@testable import Analysis
@testable import Model
import Testing

/// What counts as reaching administration: the two halves of "Administrator + Manager on all IAM-enabled services"
/// combined across one identity's groups (held or gained), never across identities; and the sensitive targets short
/// of account administration, which the report flags as warnings.
@Suite struct EscalationGoalTests {
    static let editor = FixtureEscalationTests.editor

    /// Administrator (group `adm`) and Manager (group `mgr`) on all IAM-enabled services, each alone not
    /// administration; plus `extra` groups and policies.
    static func split(groups: [AccessGroup], policies: [Policy] = [], serviceIDs: [ServiceID] = [],
                      resourceGroups: [ResourceGroup] = []) throws -> IAMAccount {
        let allServices = [Fixture.attr("serviceType", "service")]
        return IAMAccount(accountID: Fixture.accountID, fetchedAt: Timestamp(Fixture.fetchedAt), scope: .account,
                          serviceIDs: serviceIDs, accessGroups: groups,
                          accessPolicies: [Fixture.policy("p-adm", group: "adm", roles: [Fixture.administrator], allServices),
                                           Fixture.policy("p-mgr", group: "mgr", roles: [Fixture.manager], allServices)] + policies,
                          resourceGroups: resourceGroups)
    }

    static func editorOnGroup(_ id: String, iamID: String? = nil, group: String? = nil, on target: String) -> Policy {
        Fixture.policy(id, group: group, iamID: iamID, roles: [editor],
                       [Fixture.attr("serviceName", "iam-groups"), Fixture.attr("resource", target)])
    }

    @Test func membersOfBothHalvesHoldAdministration() throws {
        // Both is in the two groups: an administrator, not a path. Administrator alone is one step away (it assigns
        // itself Manager), Manager alone is no administrator.
        let escalation = Escalation(AccessIndex(try Self.split(groups: [
            try Fixture.group("adm", "Administrators", members: ["IBMid-both", "IBMid-adm"]),
            try Fixture.group("mgr", "Managers", members: ["IBMid-both", "IBMid-mgr"]),
        ])))
        #expect(escalation.holders == ["IBMid-both"])
        #expect(escalation.paths.map(\.iamID) == ["IBMid-adm"])
        let adm = try #require(escalation.path(of: "IBMid-adm"))
        #expect(adm.primitiveCount == 1)
        #expect(adm.edges.filter(\.isPrimitive).map(\.kind) == [.primitive(.assignAccess)])
    }

    @Test func joiningTheGroupWithTheOtherHalfIsOneStep() throws {
        // Ann holds Manager through mgr and may add herself to adm: one step (not two: joining adm, then assigning
        // herself Manager), and the path has both halves.
        let account = try Self.split(
            groups: [try Fixture.group("adm", "Administrators"), try Fixture.group("mgr", "Managers", members: ["IBMid-ann"])],
            policies: [Self.editorOnGroup("p-edit", iamID: "IBMid-ann", on: "adm")])
        let index = AccessIndex(account)
        let escalation = Escalation(index)
        let path = try #require(escalation.path(of: "IBMid-ann"))
        #expect(path.primitiveCount == 1)
        #expect(Set(path.edges.map(\.to)) == [.accessGroup(id: "mgr"), .administrationPart(.manager),
                                              .accessGroup(id: "adm"), .administrationPart(.administrator)])
        let text = escalation.text(path, in: index)
        #expect(text.contains("adds itself to access group Administrators [add-group-member]"))
        #expect(text.contains("; and IBMid-ann "))
        #expect(text.contains("holds Manager on all IAM-enabled services, half of account administration"))
    }

    @Test func halvesHeldByTwoIdentitiesDoNotCombine() throws {
        // Carol holds Manager (mgr) and may create API keys for the robot, which holds Administrator (adm). Acting as
        // the robot she is not acting as herself: she needs the key and then, as the robot, to assign itself Manager.
        let keys = Fixture.policy("p-keys", iamID: "IBMid-carol", roles: [FixtureEscalationTests.operatorRole],
                                  [Fixture.attr("serviceName", "iam-identity"), Fixture.attr("resourceType", "serviceid"),
                                   Fixture.attr("resource", "ServiceId-robot")])
        let escalation = Escalation(AccessIndex(try Self.split(
            groups: [try Fixture.group("adm", "Administrators", members: ["iam-ServiceId-robot"]),
                     try Fixture.group("mgr", "Managers", members: ["IBMid-carol"])],
            policies: [keys], serviceIDs: [try Fixture.serviceID("robot")])))
        #expect(escalation.holders.isEmpty)
        let carol = try #require(escalation.path(of: "IBMid-carol"))
        #expect(carol.primitiveCount == 2)
        #expect(carol.edges.filter(\.isPrimitive).map(\.kind) == [.primitive(.createServiceIDAPIKey), .primitive(.assignAccess)])
    }

    @Test func administrationOfASensitiveTargetIsAWarningAndAccountAdministrationAnError() throws {
        // Dan may join KMS Admins (Administrator on Key Protect); Eve may join a group with Administrator on all of
        // resource group rg-prod; Ann may join adm and mgr (account administration). Frank administers Key Protect
        // already and may join the prod group: a warning for the target he does not administer yet.
        let prod: ResourceGroup = try Fixture.decode(["id": "rg-prod", "name": "prod"])
        let account = try Self.split(
            groups: [try Fixture.group("adm", "Administrators"), try Fixture.group("mgr", "Managers"),
                     try Fixture.group("kms-admins", "KMS Admins", members: ["IBMid-frank"]), try Fixture.group("prod", "Prod Admins")],
            policies: [
                Fixture.policy("p-kms", group: "kms-admins", roles: [Fixture.administrator], [Fixture.attr("serviceName", "kms")]),
                Fixture.policy("p-prod", group: "prod", roles: [Fixture.administrator], [Fixture.attr("resourceGroupId", "rg-prod")]),
                Self.editorOnGroup("p-dan", iamID: "IBMid-dan", on: "kms-admins"),
                Self.editorOnGroup("p-eve", iamID: "IBMid-eve", on: "prod"),
                Self.editorOnGroup("p-frank", iamID: "IBMid-frank", on: "prod"),
                Self.editorOnGroup("p-ann-adm", iamID: "IBMid-ann", on: "adm"),
                Self.editorOnGroup("p-ann-mgr", iamID: "IBMid-ann", on: "mgr"),
            ],
            resourceGroups: [prod])
        let findings = FindingsReport(AccessIndex(account)).findings.filter { $0.rule == .privilegeEscalation }
        let severity = Dictionary(uniqueKeysWithValues: findings.map { ($0.entities[0].id, $0.severity) })
        #expect(severity == ["IBMid-ann": .error, "IBMid-dan": .warning, "IBMid-eve": .warning, "IBMid-frank": .warning])
        // Errors first within the rule.
        #expect(findings.first?.entities.first?.id == "IBMid-ann")
        let dan = try #require(findings.first { $0.entities[0].id == "IBMid-dan" })
        #expect(dan.why.hasPrefix("can gain administration of Key Protect (kms) in 1 step: "))
        #expect(dan.entities.map(\.id) == ["IBMid-dan", "kms-admins", "p-dan", "p-kms"])
        let frank = try #require(findings.first { $0.entities[0].id == "IBMid-frank" })
        #expect(frank.why.hasPrefix("can gain administration of resource group prod in 1 step"))
    }

    @Test func sensitiveTargetsCoverWhatTheirAdministratorsControl() {
        func target(_ attributes: [PolicyAttribute]) -> PolicyTarget { PolicyTarget(resource: attributes) }
        let kms = SensitiveTarget.service("kms"), identity = SensitiveTarget.service("iam-identity")
        let prod = SensitiveTarget.resourceGroup(id: "rg-prod")
        #expect(kms.isCovered(by: target([Fixture.attr("serviceName", "kms")])))
        #expect(kms.isCovered(by: target([Fixture.attr("serviceType", "service")])))
        #expect(!kms.isCovered(by: target([Fixture.attr("serviceName", "kms"), Fixture.attr("region", "us-south")])))
        #expect(!kms.isCovered(by: target([Fixture.attr("serviceName", "kms"), Fixture.attr("resourceGroupId", "rg-prod")])))
        #expect(identity.isCovered(by: target([Fixture.attr("serviceType", "platform_service")])))
        #expect(!identity.isCovered(by: target([Fixture.attr("serviceType", "service")])))
        #expect(prod.isCovered(by: target([Fixture.attr("resourceGroupId", "rg-prod")])))
        #expect(!prod.isCovered(by: target([Fixture.attr("resourceType", "resource-group"), Fixture.attr("resource", "rg-prod")])))
        #expect(!prod.isCovered(by: target([Fixture.attr("resourceGroupId", "rg-dev")])))
    }
}
