@testable import Analysis
@testable import Model
import Testing

/// What the faster escalation search must keep: resources narrowed by a policy's exact `resource` (and not by a
/// wildcard or a list), workloads on the trusted clusters a policy reaches and no others, ties broken the same way
/// whatever the order of the policies, cycles that do lead somewhere, and a huge group collecting the two halves of
/// administration.
@Suite struct EscalationSearchTests {
    static let editor = FixtureEscalationTests.editor
    static let writer = FixtureEscalationTests.writer

    static func onGroups(_ id: String, _ resource: PolicyAttribute, iamID: String = "IBMid-ann") -> Policy {
        Fixture.policy(id, iamID: iamID, roles: [editor], [Fixture.attr("serviceName", "iam-groups"), resource])
    }

    /// Whom `iamID` can add itself to, among the graph's edges.
    static func joinable(_ escalation: Escalation, by iamID: String) -> [EscalationNode] {
        escalation.graph.edges.filter { $0.from == .identity(iamID: iamID) && $0.kind == .primitive(.addGroupMember) }.map(\.to)
    }

    @Test func anExactResourceReachesThatGroupAndWildcardsOrListsStillReachEveryMatch() throws {
        let groups = [try Fixture.group("devs", "Devs"), try Fixture.group("admins-2", "Admins 2")]
        let policies = [
            Self.onGroups("p-exact", Fixture.attr("resource", "admins"), iamID: "IBMid-ann"),
            Self.onGroups("p-glob", Fixture.attr("resource", "admins*", "stringMatch"), iamID: "IBMid-bob"),
            Fixture.policy("p-list", iamID: "IBMid-cy", roles: [Self.editor], [
                Fixture.attr("serviceName", "iam-groups"),
                PolicyAttribute(key: "resource", operator: "stringEqualsAnyOf", value: .list(["devs", "admins"])),
            ]),
            Self.onGroups("p-missing", Fixture.attr("resource", "no-such-group"), iamID: "IBMid-dee"),
        ]
        let escalation = Escalation(AccessIndex(try FixtureEscalationTests.account(groups: groups, policies: policies)))
        #expect(Self.joinable(escalation, by: "IBMid-ann") == [.accessGroup(id: "admins")])
        #expect(Self.joinable(escalation, by: "IBMid-bob") == [.accessGroup(id: "admins"), .accessGroup(id: "admins-2")])
        #expect(Self.joinable(escalation, by: "IBMid-cy") == [.accessGroup(id: "admins"), .accessGroup(id: "devs")])
        #expect(Self.joinable(escalation, by: "IBMid-dee").isEmpty)
        #expect(escalation.paths.map(\.iamID) == ["IBMid-ann", "IBMid-bob", "IBMid-cy"])
    }

    @Test func aWorkloadReachesTheProfilesOfTheClustersThePolicyCoversAndNoOthers() throws {
        let east = try Fixture.instance("east", service: "containers-kubernetes", group: "rg-east", guid: "iks-east")
        let west = try Fixture.instance("west", service: "containers-kubernetes", group: "rg-west", guid: "iks-west")
        let project = try Fixture.instance("jobs", service: "codeengine", group: "rg-east", guid: "ce-jobs")
        func trusting(_ name: String, _ instance: ResourceInstance, type: String) throws -> TrustedProfile {
            var profile = try Fixture.profile(name)
            profile.links = [try Fixture.decode(["id": "ProfileLink-\(name)", "cr_type": type,
                                                 "link": ["crn": instance.crnString ?? "", "namespace": "ops"]])]
            return profile
        }
        let profiles = [try trusting("east", east, type: "IKS_SA"), try trusting("west", west, type: "ROKS_SA"),
                        try trusting("jobs", project, type: "CE")]
        let policies = [
            Fixture.policy("p-one", iamID: "IBMid-ann", roles: [Self.writer], [Fixture.attr("serviceInstance", "iks-west")]),
            Fixture.policy("p-service", iamID: "IBMid-bob", roles: [Self.writer], [Fixture.attr("serviceName", "containers-kubernetes")]),
            Fixture.policy("p-group", iamID: "IBMid-cy", roles: [Self.writer], [Fixture.attr("resourceGroupId", "rg-east")]),
            Fixture.policy("p-reader", iamID: "IBMid-dee", roles: [Fixture.reader], [Fixture.attr("serviceType", "service")]),
        ]
        let escalation = Escalation(AccessIndex(try FixtureEscalationTests.account(
            policies: policies, profiles: profiles, instances: [east, west, project])))
        func assumed(by iamID: String) -> [EscalationNode] {
            escalation.graph.edges.filter { $0.from == .identity(iamID: iamID) && $0.kind == .primitive(.runTrustedWorkload) }.map(\.to)
        }
        #expect(assumed(by: "IBMid-ann") == [.identity(iamID: "iam-Profile-west")])
        #expect(assumed(by: "IBMid-bob") == [.identity(iamID: "iam-Profile-east"), .identity(iamID: "iam-Profile-west")])
        #expect(assumed(by: "IBMid-cy") == [.identity(iamID: "iam-Profile-east"), .identity(iamID: "iam-Profile-jobs")])
        #expect(assumed(by: "IBMid-dee").isEmpty)
    }

    @Test func tiesGoToTheFirstGoalInIDOrderWhateverTheOrderOfThePolicies() throws {
        // Ann may join admins and admins-b, both administrators: one step either way.
        let second = Fixture.policy("p-admins-b", group: "admins-b", roles: [Fixture.administrator],
                                    [Fixture.attr("serviceType", "platform_service")])
        func path(_ policies: [Policy]) throws -> EscalationPath {
            let escalation = Escalation(AccessIndex(try FixtureEscalationTests.account(
                groups: [try Fixture.group("admins-b", "Admins B")], policies: policies)))
            return try #require(escalation.path(of: "IBMid-ann"))
        }
        let joins = [Self.onGroups("p-b", Fixture.attr("resource", "admins-b")), Self.onGroups("p-a", Fixture.attr("resource", "admins"))]
        let forward = try path([second] + joins), backward = try path(joins.reversed() + [second])
        #expect(forward == backward)
        #expect(forward.edges.map(\.to) == [.accessGroup(id: "admins"), .accountAdministration])
    }

    @Test func aCycleOnTheWayStillLeadsToAdministration() throws {
        // a may add members to b, b to a and to admins; ann is in a: two steps (a → b, b → admins), the cycle ends.
        let policies = [
            Fixture.policy("p-a", group: "a", roles: [Self.editor], [Fixture.attr("serviceName", "iam-groups"), Fixture.attr("resource", "b")]),
            Fixture.policy("p-b", group: "b", roles: [Self.editor], [Fixture.attr("serviceName", "iam-groups"), Fixture.attr("resource", "a")]),
            Fixture.policy("p-b-admins", group: "b", roles: [Self.editor],
                           [Fixture.attr("serviceName", "iam-groups"), Fixture.attr("resource", "admins")]),
        ]
        let escalation = Escalation(AccessIndex(try FixtureEscalationTests.account(
            groups: [try Fixture.group("a", "A", members: ["IBMid-ann"]), try Fixture.group("b", "B", members: ["IBMid-bob"])],
            policies: policies)))
        let ann = try #require(escalation.path(of: "IBMid-ann"))
        #expect(ann.primitiveCount == 2)
        #expect(ann.edges.map(\.to) == [.accessGroup(id: "a"), .accessGroup(id: "b"), .accessGroup(id: "admins"), .accountAdministration])
        #expect(escalation.path(of: "IBMid-bob")?.primitiveCount == 1)
    }

    @Test func aConditionalStepInTheMiddleMakesThePathConditional() throws {
        // Ann may join a (unconditionally); a may join admins on weekdays only.
        let weekdays = Fixture.policy("p-a", group: "a", roles: [Self.editor],
                                      [Fixture.attr("serviceName", "iam-groups"), Fixture.attr("resource", "admins")])
        let conditional = Policy(id: weekdays.id, type: weekdays.type, subject: weekdays.subject, roleIDs: weekdays.roleIDs,
                                 resource: weekdays.resource,
                                 rule: .condition(Fixture.attr("{{environment.attributes.day_of_week}}", "1", "dayOfWeekAnyOf")))
        let escalation = Escalation(AccessIndex(try FixtureEscalationTests.account(
            groups: [try Fixture.group("a", "A")], policies: [Self.onGroups("p-ann", Fixture.attr("resource", "a")), conditional])))
        let path = try #require(escalation.path(of: "IBMid-ann"))
        #expect(path.primitiveCount == 2)
        #expect(path.edges.filter(\.isPrimitive).map(\.isConditional) == [false, true])
        #expect(path.isConditional)
    }

    @Test func fiveThousandMembersHoldingOneHalfJoinTheOtherInOneStep() throws {
        // Everyone in mgr holds Manager on all IAM-enabled services, and mgr may add members to adm (Administrator
        // there): each of the 5,000 members is one step from administration, through both halves.
        let members = (0..<5_000).map { "IBMid-\($0)" }
        let account = try EscalationGoalTests.split(groups: [
            try Fixture.group("adm", "Administrators"), try Fixture.group("mgr", "Managers", members: members),
        ], policies: [EscalationGoalTests.editorOnGroup("p-mgr-adm", group: "mgr", on: "adm")])
        let escalation = Escalation(AccessIndex(account))
        #expect(escalation.paths.count == 5_000)
        #expect(escalation.holders.isEmpty)
        #expect(escalation.paths.allSatisfy { $0.primitiveCount == 1 })
        let first = try #require(escalation.path(of: "IBMid-0"))
        #expect(Set(first.edges.map(\.to)) == [.accessGroup(id: "mgr"), .administrationPart(.manager),
                                               .accessGroup(id: "adm"), .administrationPart(.administrator)])
        #expect(escalation.graph.edges.filter { $0.from == .accessGroup(id: "mgr") && $0.isPrimitive }.count == 1)
    }
}
