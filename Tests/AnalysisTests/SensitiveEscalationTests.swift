@testable import Analysis
@testable import Model
import Testing
import TestSupport

/// The sensitive goal's one pass (`NearestTargets`) against what searching every target on its own gives: the same
/// identities, the same holders, the same path step by step — on the samples and on cycles, a huge group, ties and
/// fan-outs.
@Suite struct SensitiveEscalationTests {
    /// Paths and holders as one search per target finds them, targets in order, a tie to the earlier target.
    static func oneSearchPerTarget(_ index: AccessIndex) -> (paths: [EscalationPath], holders: [String]) {
        let graph = EscalationGraph(index)
        let goalEdges = EscalationGoal.sensitiveAdministration.edges(graph, index: index)
        let edges = EscalationSearch.Edges(graph, goalEdges: goalEdges)
        let goals = EscalationGoal.sensitiveAdministration.nodes(in: index.account).compactMap(edges.number)
        let identities = index.subjects
        var best: [EscalationPath?] = Array(repeating: nil, count: identities.count)
        var holds = Array(repeating: false, count: identities.count)
        for goal in goals {
            let search = EscalationSearch(edges, seeds: [(goal, 0)])
            for (position, iamID) in identities.enumerated() {
                guard let start = edges.number(.identity(iamID: iamID)), let distance = search.distance(start) else { continue }
                if distance == 0 { holds[position] = true; continue }
                guard distance < best[position]?.primitiveCount ?? .max, let (steps, _) = search.path(from: start) else { continue }
                best[position] = EscalationPath(iamID: iamID, edges: steps)
            }
        }
        return (best.compactMap { $0 }, identities.indices.filter { holds[$0] }.map { identities[$0] })
    }

    /// The one pass's paths and holders equal one search per target's; returns the paths.
    @discardableResult
    static func expectSameAsOneSearchPerTarget(_ account: IAMAccount) -> [EscalationPath] {
        let index = AccessIndex(account)
        let escalation = Escalation(index, goal: .sensitiveAdministration)
        let reference = oneSearchPerTarget(index)
        #expect(escalation.paths == reference.paths)
        #expect(escalation.holders == reference.holders)
        return escalation.paths
    }

    static let resourceGroups = ["rg-a", "rg-b", "rg-c"]

    /// An account with resource groups rg-a, rg-b and rg-c, and `groups` and `policies` besides the halves of
    /// account administration (which hold every sensitive service and resource group but IAM Identity).
    static func account(groups: [AccessGroup], policies: [Policy], profiles: [TrustedProfile] = []) throws -> IAMAccount {
        let split = try EscalationGoalTests.split(groups: groups, policies: policies)
        return IAMAccount(accountID: split.accountID, fetchedAt: split.fetchedAt, scope: split.scope,
                          trustedProfiles: profiles, accessGroups: split.accessGroups, accessPolicies: split.accessPolicies,
                          resourceGroups: try resourceGroups.map { try Fixture.decode(["id": $0, "name": $0]) })
    }

    static func administers(_ resourceGroup: String, group: String) -> Policy {
        Fixture.policy("p-" + group + "-" + resourceGroup, group: group, roles: [Fixture.administrator],
                       [Fixture.attr("resourceGroupId", resourceGroup)])
    }

    static func target(_ path: EscalationPath?) -> EscalationNode? { path?.edges.last?.to }

    @Test func theSamplesHaveTheSamePathsAsOneSearchPerTarget() throws {
        #expect(!Self.expectSameAsOneSearchPerTarget(try DemoSample.account()).isEmpty)
        #expect(!Self.expectSameAsOneSearchPerTarget(try EnterpriseSample.account()).isEmpty)
    }

    @Test func aCycleOfGroupsAndProfilesEndsInTheNearestTarget() throws {
        // a may join b, b may join a and c; c administers rg-c. Ann (in a) needs two steps, Bob (in b) one; the
        // profile p, assumable by Cy and by itself through q, sits in the cycle's a.
        let groups = try [Fixture.group("a", "A", members: ["IBMid-ann", "iam-Profile-p"]), Fixture.group("b", "B", members: ["IBMid-bob"]),
                          Fixture.group("c", "C")]
        let profiles = try [Fixture.profile("p", identities: ["IBMid-cy", "iam-Profile-q"]), Fixture.profile("q", identities: ["iam-Profile-p"])]
        let policies = [EscalationGoalTests.editorOnGroup("p-a-b", group: "a", on: "b"),
                        EscalationGoalTests.editorOnGroup("p-b-a", group: "b", on: "a"),
                        EscalationGoalTests.editorOnGroup("p-b-c", group: "b", on: "c"),
                        Self.administers("rg-c", group: "c")]
        let paths = Self.expectSameAsOneSearchPerTarget(try Self.account(groups: groups, policies: policies, profiles: profiles))
        let byIdentity = Dictionary(paths.map { ($0.iamID, $0) }, uniquingKeysWith: { first, _ in first })
        #expect(byIdentity["IBMid-ann"]?.primitiveCount == 2)
        #expect(byIdentity["IBMid-bob"]?.primitiveCount == 1)
        #expect(byIdentity["IBMid-cy"]?.primitiveCount == 2)
        #expect(Self.target(byIdentity["IBMid-cy"]) == .administration(.resourceGroup(id: "rg-c")))
    }

    @Test func fiveThousandMembersOfAGroupEachGetTheirStep() throws {
        // Everyone in big may add members to c, which administers rg-b: 5,000 paths of one step, one link.
        let members = (0..<5_000).map { "IBMid-\($0)" }
        let groups = try [Fixture.group("big", "Big", members: members), Fixture.group("c", "C")]
        let paths = Self.expectSameAsOneSearchPerTarget(try Self.account(
            groups: groups, policies: [EscalationGoalTests.editorOnGroup("p-big-c", group: "big", on: "c"), Self.administers("rg-b", group: "c")]))
        #expect(paths.count == 5_000)
        #expect(paths.allSatisfy { $0.primitiveCount == 1 && Self.target($0) == .administration(.resourceGroup(id: "rg-b")) })
    }

    @Test func aTieBetweenTwoTargetsGoesToTheEarlierAndATieBetweenTwoPathsKeepsTheSearchsChoice() throws {
        // Ann may join x (rg-c) and y (rg-b), each one step: rg-b is the earlier target. To rg-b she has two paths
        // of one step (through z and through y, both administering rg-b, z's policies first): the one the target's own
        // search picks, through y, since the holders of a target are in id order.
        let groups = try ["x", "y", "z"].map { try Fixture.group($0, $0.uppercased()) }
        let policies = [EscalationGoalTests.editorOnGroup("p-ann-x", iamID: "IBMid-ann", on: "x"),
                        EscalationGoalTests.editorOnGroup("p-ann-z", iamID: "IBMid-ann", on: "z"),
                        EscalationGoalTests.editorOnGroup("p-ann-y", iamID: "IBMid-ann", on: "y"),
                        Self.administers("rg-c", group: "x"), Self.administers("rg-b", group: "z"), Self.administers("rg-b", group: "y")]
        let paths = Self.expectSameAsOneSearchPerTarget(try Self.account(groups: groups, policies: policies))
        let ann = try #require(paths.first { $0.iamID == "IBMid-ann" })
        #expect(Self.target(ann) == .administration(.resourceGroup(id: "rg-b")))
        #expect(ann.edges.first?.to == .accessGroup(id: "y"))
    }

    @Test func aTargetReachedOnlyThroughAFanOut() throws {
        // Ann may add members to every group; only g administers rg-a.
        let groups = try [Fixture.group("f", "F"), Fixture.group("g", "G")]
        let every = Fixture.policy("p-ann", iamID: "IBMid-ann", roles: [FixtureEscalationTests.editor], [Fixture.attr("serviceName", "iam-groups")])
        let paths = Self.expectSameAsOneSearchPerTarget(try Self.account(groups: groups, policies: [every, Self.administers("rg-a", group: "g")]))
        let ann = try #require(paths.first { $0.iamID == "IBMid-ann" })
        #expect(ann.edges.map(\.to) == [.accessGroup(id: "g"), .administration(.resourceGroup(id: "rg-a"))])
        #expect(Escalation(AccessIndex(try Self.account(groups: groups, policies: [every, Self.administers("rg-a", group: "g")])),
                           goal: .sensitiveAdministration).graph.links.count { $0.fanOut != nil } == 1)
    }

    @Test func anIdentityThatHoldsATargetHasAPathOnlyToAnotherOne() throws {
        // Ann administers rg-a (through h) and may join h again and g (rg-b): her path goes to rg-b; Bob, in h with
        // no other access, holds rg-a and has no path.
        let groups = try [Fixture.group("h", "H", members: ["IBMid-ann", "IBMid-bob"]), Fixture.group("g", "G")]
        let policies = [Self.administers("rg-a", group: "h"), Self.administers("rg-b", group: "g"),
                        EscalationGoalTests.editorOnGroup("p-ann-h", iamID: "IBMid-ann", on: "h"),
                        EscalationGoalTests.editorOnGroup("p-ann-g", iamID: "IBMid-ann", on: "g")]
        let account = try Self.account(groups: groups, policies: policies)
        let paths = Self.expectSameAsOneSearchPerTarget(account)
        #expect(paths.map(\.iamID) == ["IBMid-ann"])
        #expect(Self.target(paths.first) == .administration(.resourceGroup(id: "rg-b")))
        let holders = Escalation(AccessIndex(account), goal: .sensitiveAdministration).holders
        #expect(holders.contains("IBMid-ann") && holders.contains("IBMid-bob"))
    }
}
