@testable import Analysis
@testable import Model
import Testing
import TestSupport

/// `SensitiveTargets` finds a scope's targets among a few candidates; these tests hold it to testing every target
/// with `SensitiveTarget.isCovered(by:)`, on every kind of scope, and the sensitive goal's edges to the edges that
/// test gives.
@Suite struct SensitiveTargetsTests {
    /// Resource groups with a repeated id and a hostile `*` id, besides plain ones.
    static let resourceGroupIDs = ["rg-a", "rg-b", "rg-a", "*", "rg-c"]

    /// A scope of every kind, with and without qualifiers.
    static let targets: [[PolicyAttribute]] = [
        [],
        [Fixture.attr("serviceType", "service")],
        [Fixture.attr("serviceType", "service"), Fixture.attr("region", "us-south")],
        [Fixture.attr("serviceType", "service"), Fixture.attr("resourceGroupId", "rg-b")],
        [Fixture.attr("serviceType", "service"), Fixture.attr("resourceGroupId", "*")],
        [Fixture.attr("serviceType", "platform_service")],
        [Fixture.attr("service_group_id", "IAM")],
        [Fixture.attr("resourceGroupId", "rg-a")],
        [Fixture.attr("resourceGroupId", "rg-a"), Fixture.attr("region", "eu-de")],
        [Fixture.attr("resourceGroupId", "*")],
        [Fixture.attr("resourceGroupId", "rg-unknown")],
        [Fixture.attr("resourceType", "resource-group"), Fixture.attr("resource", "rg-a")],
        [Fixture.attr("serviceName", "kms")],
        [Fixture.attr("serviceName", "kms"), Fixture.attr("resourceGroupId", "rg-a")],
        [Fixture.attr("serviceName", "secrets-manager")],
        [Fixture.attr("serviceName", "iam-identity")],
        [Fixture.attr("serviceName", "iam-groups")],
        [Fixture.attr("serviceName", "kms"), Fixture.attr("serviceInstance", "guid-1")],
        [Fixture.attr("serviceName", "iam-identity"), Fixture.attr("resourceType", "serviceid"), Fixture.attr("resource", "x")],
    ]

    static func account(policies: [Policy] = []) throws -> IAMAccount {
        let groups = try ["a", "b"].map { try Fixture.group($0, $0.uppercased(), members: ["IBMid-" + $0]) }
        return IAMAccount(accountID: Fixture.accountID, fetchedAt: Timestamp(Fixture.fetchedAt), scope: .account,
                          accessGroups: groups, accessPolicies: policies,
                          resourceGroups: try resourceGroupIDs.map { try Fixture.decode(["id": $0, "name": $0]) })
    }

    @Test func eachScopeCoversWhatTestingEveryTargetFinds() throws {
        let targets = SensitiveTargets(try Self.account())
        for attributes in Self.targets {
            let target = PolicyTarget(resource: attributes)
            var seen = Set<SensitiveTarget>()
            let everyTarget = targets.all.indices.filter { targets.all[$0].isCovered(by: target) && seen.insert(targets.all[$0]).inserted }
            #expect(targets.covered(by: target) == everyTarget, "\(target.key)")
        }
        let tagged = PolicyTarget(resource: [], tags: [Fixture.attr("env", "prod")])
        #expect(targets.covered(by: tagged).isEmpty)
    }

    /// The sensitive goal's edges as testing every target of every capability gives them: per node in id order, per
    /// capability with an Administrator role, each target not reached yet.
    static func edgesTestingEveryTarget(_ graph: EscalationGraph, index: AccessIndex) -> [EscalationEdge] {
        let all = SensitiveTarget.all(in: index.account)
        var edges: [EscalationEdge] = []
        #expect(graph.capabilityNodes == graph.capabilityNodes.sorted())
        for (node, held) in zip(graph.capabilityNodes, graph.allCapabilities(in: index)) {
            var reached = Set<SensitiveTarget>()
            for capability in held {
                guard let role = capability.roleCRNs.first(where: AdministrationFindings.isAdministrator) else { continue }
                for target in all where !reached.contains(target) && target.isCovered(by: capability.target) {
                    reached.insert(target)
                    edges.append(EscalationEdge(from: node, to: .administration(target), kind: .holds, policyID: capability.policyID,
                                                roleCRN: role, isConditional: capability.isConditional))
                }
            }
        }
        return edges
    }

    static func expectEdgesTestingEveryTarget(_ account: IAMAccount) -> Int {
        let index = AccessIndex(account)
        let graph = EscalationGraph(index)
        let edges = EscalationGoal.sensitiveAdministration.edges(graph, index: index)
        let reference = edgesTestingEveryTarget(graph, index: index)
        let same = edges == reference
        #expect(same, "\(edges.count) edges against \(reference.count) testing every target")
        return edges.count
    }

    @Test func theGoalsEdgesAreThoseOfTestingEveryTarget() throws {
        // Each scope held twice — by group a, then by group b after a broader one — so that reached targets are skipped.
        let policies = Self.targets.enumerated().flatMap { position, attributes in
            [Fixture.policy("p-a-\(position)", group: "a", roles: [Fixture.administrator], attributes),
             Fixture.policy("p-b-\(Self.targets.count - position)", group: "b", roles: [FixtureEscalationTests.editor, Fixture.administrator],
                            Self.targets[Self.targets.count - 1 - position])]
        }
        #expect(Self.expectEdgesTestingEveryTarget(try Self.account(policies: policies)) > 2 * Self.resourceGroupIDs.count)
        #expect(Self.expectEdgesTestingEveryTarget(try DemoSample.account()) > 0)
        #expect(Self.expectEdgesTestingEveryTarget(try EnterpriseSample.account()) > 0)
    }
}
