import Analysis
import Model
import Testing

/// The analyses reach an instance exactly as `PolicyTarget.match` says, for every operator and scope kind: who has
/// access, and the instance-without-group-access rule, on hand-built accounts of one group policy each.
@Suite struct MatchingTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let name: String
        let resource: [PolicyAttribute]
        var tags: [PolicyAttribute] = []
        var account = Fixture.accountID
        let expected: TargetMatch

        var testDescription: String { name }
    }

    static func attr(_ key: String, _ value: String, _ op: String = "stringEquals") -> PolicyAttribute {
        Fixture.attr(key, value, op)
    }

    static let cases: [Case] = [
        Case(name: "account (only accountId)", resource: [], expected: .full),
        Case(name: "another account", resource: [], account: "other", expected: .none),
        Case(name: "all IAM-enabled services", resource: [attr("serviceType", "service")], expected: .full),
        Case(name: "all account management services", resource: [attr("serviceType", "platform_service")], expected: .none),
        Case(name: "all IAM account management services", resource: [attr("service_group_id", "IAM")], expected: .none),
        Case(name: "one account management service", resource: [attr("serviceName", "iam-groups")], expected: .none),
        Case(name: "its resource group", resource: [attr("resourceGroupId", "rg1")], expected: .full),
        Case(name: "another resource group", resource: [attr("resourceGroupId", "rg2")], expected: .none),
        Case(name: "any resource group (*)", resource: [attr("resourceGroupId", "*")], expected: .full),
        Case(name: "all services in its resource group",
             resource: [attr("serviceType", "service"), attr("resourceGroupId", "rg1")], expected: .full),
        Case(name: "the resource group itself",
             resource: [attr("resourceType", "resource-group"), attr("resource", "rg1")], expected: .none),
        Case(name: "its service in its resource group",
             resource: [attr("serviceName", "kms"), attr("resourceGroupId", "rg1")], expected: .full),
        Case(name: "its service in another resource group",
             resource: [attr("serviceName", "kms"), attr("resourceGroupId", "rg2")], expected: .none),
        Case(name: "its service (CRN segment 5)", resource: [attr("serviceName", "kms")], expected: .full),
        Case(name: "another service", resource: [attr("serviceName", "cloud-object-storage")], expected: .none),
        Case(name: "stringMatch ?", resource: [attr("serviceName", "k?s", "stringMatch")], expected: .full),
        Case(name: "stringMatch * not matching", resource: [attr("serviceName", "x*", "stringMatch")], expected: .none),
        Case(name: "stringEqualsAnyOf",
             resource: [PolicyAttribute(key: "serviceName", operator: "stringEqualsAnyOf", value: .list(["cos", "kms"]))],
             expected: .full),
        Case(name: "stringMatchAnyOf",
             resource: [PolicyAttribute(key: "serviceName", operator: "stringMatchAnyOf", value: .list(["cos*", "km?"]))],
             expected: .full),
        Case(name: "stringExists true",
             resource: [PolicyAttribute(key: "serviceInstance", operator: "stringExists", value: .bool(true))], expected: .full),
        Case(name: "stringExists false",
             resource: [PolicyAttribute(key: "serviceInstance", operator: "stringExists", value: .bool(false))], expected: .none),
        Case(name: "its guid (CRN segment 8)", resource: [attr("serviceName", "kms"), attr("serviceInstance", "g1")], expected: .full),
        Case(name: "another guid", resource: [attr("serviceName", "kms"), attr("serviceInstance", "g2")], expected: .none),
        Case(name: "its region (CRN segment 6)", resource: [attr("serviceName", "kms"), attr("region", "us-south")], expected: .full),
        Case(name: "another region", resource: [attr("serviceName", "kms"), attr("region", "eu-de")], expected: .none),
        Case(name: "a resource inside it",
             resource: [attr("serviceName", "kms"), attr("serviceInstance", "g1"), attr("resourceType", "key"), attr("resource", "k1")],
             expected: .partial),
        Case(name: "tags", resource: [attr("serviceName", "kms")], tags: [attr("env", "prod")], expected: .partial),
    ]

    static func instance() throws -> ResourceInstance {
        try Fixture.instance("keys", service: "kms", region: "us-south", group: "rg1", guid: "g1")
    }

    static func account(_ testCase: Case) throws -> IAMAccount {
        var policy = Fixture.policy("p1", group: "AccessGroupId-g", testCase.resource, tags: testCase.tags)
        if testCase.account != Fixture.accountID {
            policy = Policy(id: "p1", type: "access", subject: policy.subject, roleIDs: policy.roleIDs,
                            resource: [Fixture.attr("accountId", testCase.account)] + testCase.resource)
        }
        return try Fixture.account(users: [try Fixture.user("IBMid-ann", "Ann")],
                               groups: [try Fixture.group("AccessGroupId-g", "G", members: ["IBMid-ann"])],
                               policies: [policy], instances: [try instance()])
    }

    @Test(arguments: cases)
    func whoHasAccessFollowsTheMatch(_ testCase: Case) throws {
        let access = WhoHasAccess.to(try Self.instance(), in: AccessIndex(try Self.account(testCase)))
        let ann = access.first { $0.holder == .identity(iamID: "IBMid-ann") }
        #expect(ann?.match == (testCase.expected == .none ? nil : testCase.expected))
        #expect(access.contains { $0.holder == .accessGroup(id: "AccessGroupId-g") } == (testCase.expected != .none))
    }

    @Test(arguments: cases)
    func instanceWithoutGroupAccessFollowsTheMatch(_ testCase: Case) throws {
        let report = FindingsReport(AccessIndex(try Self.account(testCase)))
        let flagged = report.findings.filter { $0.rule == .instanceWithoutGroupAccess }.map { $0.entities[0].id }
        #expect(flagged == (testCase.expected == .none ? ["g1"] : []))
    }

    /// Two group policies on one instance that differ only in their account: the one for another account reaches
    /// nothing here, the other reaches the instance. Their targets have two keys, so the rule, which tests each
    /// distinct group target once, tests both, in either order (one key for both once kept only the later policy's
    /// target, and an instance the home policy reaches was reported as unreached).
    @Test(arguments: [false, true])
    func policiesDifferingOnlyInTheirAccountAreTwoTargets(foreignFirst: Bool) throws {
        let resource = [Self.attr("serviceName", "kms"), Self.attr("serviceInstance", "g1")]
        let home = Fixture.policy("home", group: "AccessGroupId-g", resource)
        let foreign = Policy(id: "foreign", type: "access", subject: home.subject, roleIDs: home.roleIDs,
                             resource: [Fixture.attr("accountId", "other")] + resource)
        let account = try Fixture.account(users: [try Fixture.user("IBMid-ann", "Ann")],
                                          groups: [try Fixture.group("AccessGroupId-g", "G", members: ["IBMid-ann"])],
                                          policies: foreignFirst ? [foreign, home] : [home, foreign],
                                          instances: [try Self.instance()])
        let index = AccessIndex(account)
        let (homeKey, foreignKey) = (index.target(of: home).key, index.target(of: foreign).key)
        #expect(homeKey == "serviceInstance=g1,serviceName=kms")  // the home account's test is left out, as before
        #expect(foreignKey == "accountId=other,serviceInstance=g1,serviceName=kms")
        let report = FindingsReport(index)
        #expect(report.findings.filter { $0.rule == .instanceWithoutGroupAccess }.isEmpty)
        #expect(report.findings.filter { $0.rule == .policyForeignAccount }.map { $0.entities[0].id } == ["foreign"])
    }

    @Test func everyPathKindOfEffectiveAccess() throws {
        let account = try Fixture.account(
            users: [try Fixture.user("IBMid-ann", "Ann"), try Fixture.user("IBMid-bob", "Bob")],
            profiles: [try Fixture.profile("ops", identities: ["IBMid-ann"])],
            groups: [try Fixture.group("AccessGroupId-static", "Static", members: ["IBMid-ann", "iam-Profile-ops"]),
                     try Fixture.group("AccessGroupId-dynamic", "Dynamic", dynamic: ["IBMid-ann"]),
                     try Fixture.group(AccessGroup.publicAccessID, "Public Access")],
            policies: [Fixture.policy("direct", iamID: "IBMid-ann", [Self.attr("serviceName", "kms")]),
                       Fixture.policy("static", group: "AccessGroupId-static", [Self.attr("serviceName", "kms")]),
                       Fixture.policy("dynamic", group: "AccessGroupId-dynamic", [Self.attr("serviceName", "kms")]),
                       Fixture.policy("profile", iamID: "iam-Profile-ops", [Self.attr("serviceName", "kms")]),
                       Fixture.policy("public", group: AccessGroup.publicAccessID, [Self.attr("serviceName", "kms")]),
                       Fixture.policy("other", group: "AccessGroupId-other", [Self.attr("serviceName", "kms")])])
        let grants = EffectiveAccess.grants(of: "IBMid-ann", in: AccessIndex(account))
        let paths = grants.map { "\($0.policy.id): \($0.path.pathDescription)" }
        #expect(Set(paths) == [
            "direct: direct",
            "static: access group Static",
            "dynamic: access group Dynamic (dynamic, rule rule Dynamic)",
            "profile: trusted profile ops",
            "static: trusted profile ops → access group Static",
            "public: Public Access (everyone)",
        ])
        #expect(paths.count == 6)
        // Bob is in no group: Public Access only.
        #expect(EffectiveAccess.grants(of: "IBMid-bob", in: AccessIndex(account)).map(\.policy.id) == ["public"])
    }
}
