@testable import Analysis
@testable import Model
import Testing

/// A policy on every access group or service ID of a target is one link into a shared fan-out (not one edge per
/// resource): the paths, their policies and their tie order must be exactly those of one policy per resource.
@Suite struct EscalationFanOutTests {
    static let editor = FixtureEscalationTests.editor
    static let operatorRole = FixtureEscalationTests.operatorRole
    static let groupIDs = (0..<120).map { "g" + String(format: "%03d", $0) }
    static let serviceIDNames = (0..<30).map { "sid-" + String(format: "%02d", $0) }

    /// The account: 120 groups (g040 and g090 administrators besides `admins`), 30 service IDs (sid-17 in g090),
    /// and wildcard policies — Ann on every group (before her exact policy on `admins`, so that the tie between the
    /// two goes to the wildcard), g010 on the groups matching `g0*` (Bob is in it), Dee on `g1*` (where g115 may join
    /// `admins`: two steps), Cy on every service ID. With `individually`, each wildcard policy is instead one exact
    /// policy per resource it includes, in the account's order, its id suffixed with `#` and the resource.
    static func account(individually: Bool) throws -> IAMAccount {
        let groups = try groupIDs.map { id in
            try Fixture.group(id, "Group " + id, members: id == "g010" ? ["IBMid-bob"] : id == "g090" ? ["iam-ServiceId-sid-17"] : [])
        }
        func onGroups(_ id: String, group: String? = nil, iamID: String? = nil, matching pattern: String?) -> [Policy] {
            guard individually else {
                let resource = pattern.map { [Fixture.attr("resource", $0, "stringMatch")] } ?? []
                return [Fixture.policy(id, group: group, iamID: iamID, roles: [editor], [Fixture.attr("serviceName", "iam-groups")] + resource)]
            }
            let included = ["admins"] + groupIDs
            return included.filter { pattern == nil || $0.hasPrefix(String(pattern?.dropLast() ?? "")) }.map { target in
                Fixture.policy(id + "#" + target, group: group, iamID: iamID, roles: [editor],
                               [Fixture.attr("serviceName", "iam-groups"), Fixture.attr("resource", target)])
            }
        }
        let serviceIDs = try serviceIDNames.map(Fixture.serviceID)
        let onServiceIDs: [Policy] = individually
            ? serviceIDNames.map { name in
                Fixture.policy("p-cy#" + name, iamID: "IBMid-cy", roles: [operatorRole],
                               [Fixture.attr("serviceName", "iam-identity"), Fixture.attr("resourceType", "serviceid"),
                                Fixture.attr("resource", "ServiceId-" + name)])
            }
            : [Fixture.policy("p-cy", iamID: "IBMid-cy", roles: [operatorRole], [Fixture.attr("serviceName", "iam-identity")])]
        let administrators = ["g040", "g090"].map {
            Fixture.policy("p-" + $0, group: $0, roles: [Fixture.administrator], [Fixture.attr("serviceType", "platform_service")])
        }
        let policies = onGroups("p-ann", iamID: "IBMid-ann", matching: nil)
            + [FixtureEscalationTests.editorOnAdmins("p-ann-admins", iamID: "IBMid-ann")]
            + onGroups("p-g010", group: "g010", matching: "g0*")
            + onGroups("p-dee", iamID: "IBMid-dee", matching: "g1*")
            + [EscalationGoalTests.editorOnGroup("p-g115", group: "g115", on: "admins")]
            + onServiceIDs + administrators
        return try FixtureEscalationTests.account(groups: groups, policies: policies, serviceIDs: serviceIDs)
    }

    /// An edge with a per-resource policy's id read as the wildcard policy it stands for.
    static func normalized(_ edge: EscalationEdge) -> EscalationEdge {
        EscalationEdge(from: edge.from, to: edge.to, kind: edge.kind,
                       policyID: edge.policyID.map { String($0.prefix { $0 != "#" }) }, roleCRN: edge.roleCRN,
                       action: edge.action, isConditional: edge.isConditional, isInferred: edge.isInferred)
    }

    @Test func aWildcardPolicyYieldsThePathsOfOnePolicyPerResource() throws {
        let shared = Escalation(AccessIndex(try Self.account(individually: false)))
        let single = Escalation(AccessIndex(try Self.account(individually: true)))
        #expect(shared.holders == single.holders)
        #expect(shared.paths.map(\.iamID) == ["IBMid-ann", "IBMid-bob", "IBMid-cy", "IBMid-dee"])
        #expect(shared.paths.map(\.iamID) == single.paths.map(\.iamID))
        for (wildcard, individual) in zip(shared.paths, single.paths) {
            #expect(wildcard.edges == individual.edges.map(Self.normalized), "\(wildcard.iamID)")
        }
        // Ann's wildcard comes before her exact policy on admins: the tie goes to it, as it would per group.
        #expect(shared.path(of: "IBMid-ann")?.edges.first?.policyID == "p-ann")
        #expect(shared.path(of: "IBMid-cy")?.edges.map(\.to) == [.identity(iamID: "iam-ServiceId-sid-17"), .accessGroup(id: "g090"),
                                                                  .accountAdministration])
        #expect(shared.path(of: "IBMid-dee")?.primitiveCount == 2)
    }

    @Test func theGraphStoresOneLinkPerWildcardPolicyAndExpandsToTheEdgesOfOnePerResource() throws {
        let shared = Escalation(AccessIndex(try Self.account(individually: false)))
        let single = Escalation(AccessIndex(try Self.account(individually: true)))
        #expect(shared.graph.edges == single.graph.edges.map(Self.normalized))
        // One link per policy (and per administrator scope's own groups and service IDs), not one per resource.
        let primitives = shared.graph.links.filter { $0.edge.isPrimitive }.count
        #expect(primitives < 20)
        #expect(shared.graph.edges.filter(\.isPrimitive).count > 20 * primitives)
    }

    @Test func theSensitiveGoalSeesTheSamePathsThroughFanOuts() throws {
        let shared = Escalation(AccessIndex(try Self.account(individually: false)), goal: .sensitiveAdministration)
        let single = Escalation(AccessIndex(try Self.account(individually: true)), goal: .sensitiveAdministration)
        #expect(shared.holders == single.holders)
        #expect(shared.paths.map { $0.edges } == single.paths.map { $0.edges.map(Self.normalized) })
        #expect(!shared.paths.isEmpty)
    }

    /// Four clusters in rg-east, each trusted by a profile (the third profile an administrator, the fourth cluster
    /// also trusted by the first profile), and Ann a Writer on the whole resource group — or, `individually`, on each
    /// cluster.
    static func workloads(individually: Bool) throws -> IAMAccount {
        let clusters = try (0..<4).map { try Fixture.instance("c\($0)", service: "containers-kubernetes", group: "rg-east", guid: "iks-\($0)") }
        let profiles = try (0..<3).map { number in
            var profile = try Fixture.profile("p\(number)")
            profile.links = try clusters.indices.filter { $0 == number || (number == 0 && $0 == 3) }.map { position in
                try Fixture.decode(["id": "ProfileLink-\(number)-\(position)", "cr_type": "IKS_SA",
                                    "link": ["crn": clusters[position].crnString ?? "", "namespace": "ops"]])
            }
            return profile
        }
        let writer = FixtureEscalationTests.writer
        let policies = individually
            // In the order of the profiles' links, as the resource group's policy reaches them.
            ? [0, 3, 1, 2].map { clusters[$0] }.map {
                Fixture.policy("p-ann#" + $0.instanceID, iamID: "IBMid-ann", roles: [writer], [Fixture.attr("serviceInstance", $0.instanceID)])
            }
            : [Fixture.policy("p-ann", iamID: "IBMid-ann", roles: [writer], [Fixture.attr("resourceGroupId", "rg-east")])]
        return try FixtureEscalationTests.account(
            policies: policies + [Fixture.policy("p-p2", iamID: "iam-Profile-p2", roles: [Fixture.administrator],
                                                 [Fixture.attr("serviceType", "platform_service")])],
            profiles: profiles, instances: clusters)
    }

    @Test func aPolicyOnAResourceGroupOfTrustedClustersYieldsThePathsOfOnePolicyPerCluster() throws {
        let shared = Escalation(AccessIndex(try Self.workloads(individually: false)))
        let single = Escalation(AccessIndex(try Self.workloads(individually: true)))
        #expect(shared.graph.edges == single.graph.edges.map(Self.normalized))
        #expect(shared.paths.map(\.edges) == single.paths.map { $0.edges.map(Self.normalized) })
        let ann = try #require(shared.path(of: "IBMid-ann"))
        #expect(ann.edges.map(\.to) == [.identity(iamID: "iam-Profile-p2"), .accountAdministration])
        #expect(shared.graph.links.filter { $0.edge.kind == .primitive(.runTrustedWorkload) }.count == 1)
    }

    /// The resource group Ann reaches: she may join one group administering `first` and one administering `second`
    /// (each one step). The targets are the three services `adm` administers, then rg-a, rg-b, rg-c.
    static func sensitiveTie(_ first: String, _ second: String) throws -> SensitiveTarget? {
        let groups = try [Fixture.group("g-" + first, "G " + first), Fixture.group("g-" + second, "G " + second)]
        let resourceGroups: [ResourceGroup] = try ["rg-a", "rg-b", "rg-c"].map { try Fixture.decode(["id": $0, "name": $0]) }
        let policies = [second, first].flatMap { target in [
            Fixture.policy("p-" + target, group: "g-" + target, roles: [Fixture.administrator], [Fixture.attr("resourceGroupId", target)]),
            EscalationGoalTests.editorOnGroup("p-ann-" + target, iamID: "IBMid-ann", on: "g-" + target),
        ] }
        let escalation = Escalation(AccessIndex(try EscalationGoalTests.split(groups: groups, policies: policies,
                                                                              resourceGroups: resourceGroups)),
                                    goal: .sensitiveAdministration)
        guard case .administration(let target) = escalation.path(of: "IBMid-ann")?.edges.last?.to else { return nil }
        return target
    }

    @Test func aTieBetweenSensitiveTargetsGoesToTheEarlierTarget() throws {
        // The later target's policies come first in both: the earlier target wins, whichever pair it is.
        #expect(try Self.sensitiveTie("rg-b", "rg-c") == .resourceGroup(id: "rg-b"))
        #expect(try Self.sensitiveTie("rg-a", "rg-b") == .resourceGroup(id: "rg-a"))
    }

    @Test func targetsWhoseKeyTextsCollideHaveTheirOwnFanOuts() throws {
        // Ann's one attribute and Bob's two print as the same key text, `resource stringMatch a*,resourceType=group`;
        // Ann's glob matches only the group named like that, Bob's the groups a1, a2 and admins.
        let groups = try ["a1", "a2", "a*,resourceType=group"].map { try Fixture.group($0, $0) }
        let ann = Fixture.policy("p-ann", iamID: "IBMid-ann", roles: [Self.editor],
                                 [Fixture.attr("serviceName", "iam-groups"), Fixture.attr("resource", "a*,resourceType=group", "stringMatch")])
        let bob = Fixture.policy("p-bob", iamID: "IBMid-bob", roles: [Self.editor],
                                 [Fixture.attr("serviceName", "iam-groups"), Fixture.attr("resource", "a*", "stringMatch"),
                                  Fixture.attr("resourceType", "group")])
        #expect(PolicyTarget(ann, homeAccount: Fixture.accountID).key == PolicyTarget(bob, homeAccount: Fixture.accountID).key)
        let graph = EscalationGraph(AccessIndex(try FixtureEscalationTests.account(groups: groups, policies: [ann, bob])))
        func joins(_ iamID: String) -> [EscalationNode] {
            graph.edges.filter { $0.from == .identity(iamID: iamID) && $0.isPrimitive }.map(\.to)
        }
        #expect(joins("IBMid-ann") == [.accessGroup(id: "a*,resourceType=group")])
        #expect(joins("IBMid-bob") == ["admins", "a1", "a2"].map { .accessGroup(id: $0) })
    }
}
