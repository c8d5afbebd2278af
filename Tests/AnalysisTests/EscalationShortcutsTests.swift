@testable import Analysis
@testable import Model
import Testing
import TestSupport

/// What the escalation graph skips and shares to stay cheap on a large account must not change its answers: policies
/// passed over by their roles' traits (a custom role's actions still count), the capabilities only an instance goal
/// reads, and the wording each distinct step gets once.
@Suite struct EscalationShortcutsTests {
    static let janitor = "crn:v1:bluemix:public:iam-groups::::customRole:GroupJanitor"
    static let reader = "crn:v1:bluemix:public:iam::::serviceRole:Reader"

    @Test func aCustomRoleCarryingThePrimitivesActionStillEnablesIt() throws {
        // GroupJanitor is no documented name of any primitive: only its action list says it adds members.
        let policy = Fixture.policy("p-janitor", iamID: "IBMid-ann", roles: [Self.janitor],
                                    [Fixture.attr("serviceName", "iam-groups"), Fixture.attr("resource", "admins")])
        let escalation = Escalation(AccessIndex(try FixtureEscalationTests.account(policies: [policy], roles: [
            try FixtureEscalationTests.role(Self.janitor, service: "iam-groups", actions: ["iam-groups.members.add"])])))
        let path = try #require(escalation.path(of: "IBMid-ann"))
        #expect(path.edges.map(\.kind) == [.primitive(.addGroupMember), .holds])
        #expect(path.edges.first?.roleCRN == Self.janitor && path.edges.first?.isInferred == false)
        var roles = RoleTraitsTable([try FixtureEscalationTests.role(Self.janitor, actions: ["iam-groups.members.add"])])
        #expect(roles.traits(of: [Self.janitor]) == .addGroupMember)
        #expect(roles.traits(of: [Self.reader, "crn:v1:bluemix:public:iam::::role:Viewer"]).isEmpty)
    }

    @Test func aReaderOnTheInstanceHoldsIt() throws {
        // Reader enables no primitive and administers nothing: the graph passes it over, the instance goal does not.
        let instance = try Fixture.instance("orders", service: "databases-for-postgresql", group: "rg", guid: "pg-1")
        let account = try FixtureEscalationTests.account(policies: [
            Fixture.policy("p-read", iamID: "IBMid-ann", roles: [Self.reader], [Fixture.attr("serviceInstance", "pg-1")]),
            FixtureEscalationTests.editorOnAdmins("p-edit", iamID: "IBMid-bob"),
        ], instances: [instance])
        let index = AccessIndex(account)
        let escalation = Escalation(index, goal: .instance(instance))
        #expect(escalation.holders.contains("IBMid-ann"))
        #expect(escalation.goalEdges.contains { $0.from == .identity(iamID: "IBMid-ann") && $0.policyID == "p-read" })
        #expect(escalation.graph.capabilities.joined().allSatisfy { $0.policyID != "p-read" })
    }

    /// Two identities take the same step into one group by different policies, and many join one group.
    static func sharedSteps() throws -> IAMAccount {
        let members = (0..<50).map { "IBMid-m\($0)" }
        return try FixtureEscalationTests.account(
            groups: [try Fixture.group("ops", "Ops", members: members)],
            policies: [FixtureEscalationTests.editorOnAdmins("p-ann", iamID: "IBMid-ann"),
                       FixtureEscalationTests.editorOnAdmins("p-bob", iamID: "IBMid-bob"),
                       EscalationGoalTests.editorOnGroup("p-ops", group: "ops", on: "admins")])
    }

    @Test(arguments: ["demo", "enterprise", "shared steps"])
    func theWordingSaysWhatEachPathsOwnTextSays(_ name: String) throws {
        let account = switch name {
        case "demo": try DemoSample.account()
        case "enterprise": try EnterpriseSample.account()
        default: try Self.sharedSteps()
        }
        let index = AccessIndex(account)
        let administration = Escalation(index)
        for escalation in [administration, Escalation(index, goal: .sensitiveAdministration, graph: administration.graph)] {
            #expect(!escalation.paths.isEmpty)
            var wording = EscalationWording(escalation, in: index)
            for path in escalation.paths {
                #expect(wording.text(path) == escalation.text(path, in: index), "\(path.iamID)")
                for edge in path.edges { #expect(wording.label(edge.to) == escalation.label(edge.to, in: index)) }
            }
        }
        if name == "shared steps" {
            var wording = EscalationWording(administration, in: index)
            let texts = ["IBMid-ann", "IBMid-bob"].compactMap { administration.path(of: $0).map { wording.text($0) } }
            #expect(texts.count == 2 && texts[0].contains("policy p-ann") && texts[1].contains("policy p-bob"))
        }
    }
}
