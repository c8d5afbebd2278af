@testable import Analysis
@testable import Model
import Testing

/// Escalation on hand-built accounts: actions per service, unknown actions, conditions, cycles, big groups.
@Suite struct FixtureEscalationTests {
    static let editor = "crn:v1:bluemix:public:iam::::role:Editor"
    static let operatorRole = "crn:v1:bluemix:public:iam::::role:Operator"
    static let writer = "crn:v1:bluemix:public:iam::::serviceRole:Writer"

    static func role(_ crn: String, service: String? = nil, actions: [String]) throws -> Role {
        var object: [String: Any] = ["crn": crn, "actions": actions]
        if let service { object["service_name"] = service }
        return try Fixture.decode(object)
    }

    /// Admins hold Administrator on all account management services; `extra` policies and groups around it.
    static func account(groups: [AccessGroup] = [], policies: [Policy], roles: [Role] = [], users: [User] = [],
                        serviceIDs: [ServiceID] = [], profiles: [TrustedProfile] = [],
                        instances: [ResourceInstance] = []) throws -> IAMAccount {
        try Fixture.account(users: users, serviceIDs: serviceIDs, profiles: profiles,
                        groups: [try Fixture.group("admins", "Admins")] + groups,
                        policies: [Fixture.policy("p-admins", group: "admins", roles: [Fixture.administrator],
                                                  [Fixture.attr("serviceType", "platform_service")])] + policies,
                        roles: roles, instances: instances)
    }

    static func editorOnAdmins(_ id: String = "p-edit", iamID: String = "IBMid-ann") -> Policy {
        Fixture.policy(id, iamID: iamID, roles: [editor], [Fixture.attr("serviceName", "iam-groups"), Fixture.attr("resource", "admins")])
    }

    @Test func roleActionsAreKeptPerService() throws {
        let actions = RoleActions([
            try Self.role(Self.editor, actions: ["iam.policy.read"]),
            try Self.role(Self.editor, service: "iam-groups", actions: ["iam-groups.members.add"]),
            try Self.role(Self.editor, service: "kms", actions: ["kms.secrets.list"]),
        ])
        #expect(actions.answer("iam-groups.members.add", role: Self.editor, on: "iam-groups") == .yes)
        #expect(actions.answer("iam-groups.members.*", role: Self.editor, on: "iam-groups") == .yes)
        #expect(actions.answer("kms.secrets.delete", role: Self.editor, on: "kms") == .no)
        // The plain listing says nothing about iam-identity: unknown, not no.
        #expect(actions.answer("iam-identity.apikey.create", role: Self.editor, on: "iam-identity") == .unknown)
        #expect(actions.answer("iam.policy.create", role: Self.editor, on: nil) == .no)
        #expect(actions.answer("anything.at.all", role: Self.operatorRole, on: nil) == .unknown)
    }

    @Test func documentedActionsDecideAndMissingOnesFallBackToRoleNames() throws {
        // Editor's iam-groups listing holds members.add: documented.
        let documented = Escalation(AccessIndex(try Self.account(policies: [Self.editorOnAdmins()], roles: [
            try Self.role(Self.editor, service: "iam-groups", actions: ["iam-groups.members.add"])])))
        let step = try #require(documented.path(of: "IBMid-ann")?.edges.first)
        #expect(step.kind == .primitive(.addGroupMember) && !step.isInferred)
        // No actions in the snapshot: inferred from the role name.
        let inferred = Escalation(AccessIndex(try Self.account(policies: [Self.editorOnAdmins()])))
        #expect(inferred.path(of: "IBMid-ann")?.edges.first?.isInferred == true)
        // The listing for iam-groups lacks members.add: no step.
        let denied = Escalation(AccessIndex(try Self.account(policies: [Self.editorOnAdmins()], roles: [
            try Self.role(Self.editor, service: "iam-groups", actions: ["iam-groups.groups.read"])])))
        #expect(denied.path(of: "IBMid-ann") == nil)
    }

    @Test func aPolicyOnAnotherGroupDoesNotReachAdmins() throws {
        let other = Fixture.policy("p-other", iamID: "IBMid-ann", roles: [Self.editor],
                                   [Fixture.attr("serviceName", "iam-groups"), Fixture.attr("resource", "devs")])
        let escalation = Escalation(AccessIndex(try Self.account(groups: [try Fixture.group("devs", "Devs")], policies: [other])))
        #expect(escalation.path(of: "IBMid-ann") == nil)
        #expect(escalation.graph.edges.contains { $0.to == .accessGroup(id: "devs") && $0.from == .identity(iamID: "IBMid-ann") })
    }

    @Test func timeBasedConditionsMakeTheStepConditional() throws {
        var policy = Self.editorOnAdmins()
        policy = Policy(id: policy.id, type: policy.type, subject: policy.subject, roleIDs: policy.roleIDs,
                        resource: policy.resource,
                        rule: .condition(Fixture.attr("{{environment.attributes.day_of_week}}", "1", "dayOfWeekAnyOf")))
        let path = try #require(Escalation(AccessIndex(Self.account(policies: [policy]))).path(of: "IBMid-ann"))
        #expect(path.isConditional)
        #expect(path.edges.first?.isConditional == true)
    }

    @Test func cyclesEndAndGroupsThatOnlyReachEachOtherGoNowhere() throws {
        // a may add members to b, b to a, and ann is in a: a cycle with no administration in it.
        let policies = [
            Fixture.policy("p-a", group: "a", roles: [Self.editor], [Fixture.attr("serviceName", "iam-groups"), Fixture.attr("resource", "b")]),
            Fixture.policy("p-b", group: "b", roles: [Self.editor], [Fixture.attr("serviceName", "iam-groups"), Fixture.attr("resource", "a")]),
        ]
        let escalation = Escalation(AccessIndex(try Self.account(
            groups: [try Fixture.group("a", "A", members: ["IBMid-ann"]), try Fixture.group("b", "B", members: ["IBMid-bob"])],
            policies: policies)))
        #expect(escalation.paths.isEmpty)
        let fromAB = escalation.graph.edges.filter { $0.isPrimitive && [.accessGroup(id: "a"), .accessGroup(id: "b")].contains($0.from) }
        #expect(fromAB.map(\.to) == [.accessGroup(id: "b"), .accessGroup(id: "a")])
    }

    @Test func aHugeGroupIsOneNode() throws {
        let members = (0..<5_000).map { "IBMid-\($0)" }
        let hub = try Fixture.group("hub", "Hub", members: members)
        let policy = Fixture.policy("p-hub", group: "hub", roles: [Self.editor],
                                    [Fixture.attr("serviceName", "iam-groups"), Fixture.attr("resource", "admins")])
        let escalation = Escalation(AccessIndex(try Self.account(groups: [hub], policies: [policy])))
        #expect(escalation.paths.count == 5_000)
        // One membership edge per member, one primitive for the group: never members × policies.
        #expect(escalation.graph.edges.filter { $0.kind == .memberOf }.count == 5_000)
        #expect(escalation.graph.edges.filter { $0.from == .accessGroup(id: "hub") }.count == 1)
        #expect(escalation.paths.allSatisfy { $0.primitiveCount == 1 })
    }

    @Test func apiKeysOfOneServiceIDAndAWorkloadOnATrustedCluster() throws {
        let cluster = try Fixture.instance("iks", service: "containers-kubernetes", guid: "iks-1")
        var profile = try Fixture.profile("ops")
        profile.links = [try Fixture.decode(["id": "ProfileLink-1", "cr_type": "IKS_SA",
                                         "link": ["crn": cluster.crnString ?? "", "namespace": "ops", "name": "sa"]])]
        let policies = [
            Fixture.policy("p-keys", iamID: "IBMid-ann", roles: [Self.operatorRole],
                           [Fixture.attr("serviceName", "iam-identity"), Fixture.attr("resourceType", "serviceid"),
                            Fixture.attr("resource", "ServiceId-robot")]),
            Fixture.policy("p-deploy", iamID: "IBMid-bob", roles: [Self.writer],
                           [Fixture.attr("serviceName", "containers-kubernetes"), Fixture.attr("serviceInstance", "iks-1")]),
            Fixture.policy("p-profile", iamID: "iam-Profile-ops", roles: [Fixture.administrator],
                           [Fixture.attr("serviceType", "platform_service")]),
        ]
        let escalation = Escalation(AccessIndex(try Self.account(
            groups: [try Fixture.group("robots", "Robots", members: ["iam-ServiceId-robot"])],
            policies: policies + [Fixture.policy("p-robots", group: "robots", roles: [Fixture.administrator],
                                                 [Fixture.attr("serviceType", "platform_service")])],
            serviceIDs: [try Fixture.serviceID("robot"), try Fixture.serviceID("other")], profiles: [profile],
            instances: [cluster])))
        let ann = try #require(escalation.path(of: "IBMid-ann"))
        #expect(ann.edges.map(\.to) == [.identity(iamID: "iam-ServiceId-robot"), .accessGroup(id: "robots"), .accountAdministration])
        #expect(!escalation.graph.edges.contains { $0.from == .identity(iamID: "IBMid-ann") && $0.to == .identity(iamID: "iam-ServiceId-other") })
        let bob = try #require(escalation.path(of: "IBMid-bob"))
        #expect(bob.edges.first?.kind == .primitive(.runTrustedWorkload))
        #expect(bob.edges.first?.isInferred == true)
    }

    @Test func anEditorOnAnInstanceCreatesCredentialsForIt() throws {
        let kms = try Fixture.instance("keys", guid: "kms-1")
        let policy = Fixture.policy("p-kms", iamID: "IBMid-ann", roles: [Self.editor], [Fixture.attr("serviceInstance", "kms-1")])
        let escalation = Escalation(AccessIndex(try Self.account(policies: [policy], instances: [kms])), goal: .instance(kms))
        let step = try #require(escalation.path(of: "IBMid-ann")?.edges.first)
        #expect(step.kind == .primitive(.createServiceCredentials))
        #expect(step.isInferred)
    }
}
