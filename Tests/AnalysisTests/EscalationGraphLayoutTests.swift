@testable import Analysis
@testable import Model
import Testing
import TestSupport

/// How the escalation graph lays itself out for the searches, checked against the plain way of doing it: every node
/// that holds something, in id order, with what it holds; every link's nodes numbered one by one, in the order the
/// links name them. The goals' edges and the searches' tie-breaks follow these orders, so the paths depend on them.
@Suite struct EscalationGraphLayoutTests {
    static let indexes: [String: Result<AccessIndex, any Error>] = [
        "demo": Result { AccessIndex(try DemoSample.account()) },
        "enterprise": Result { AccessIndex(try EnterpriseSample.account()) },
        "hand-made": Result { AccessIndex(try handMade()) },
    ]

    /// Scopes reached in an order that is not their ids' (zeta's before alpha's, a group's after its members'), runs of
    /// links from one node broken by others, a cycle of groups and a group of 2,000 members that may join admins.
    static func handMade() throws -> IAMAccount {
        let members = (0..<2_000).map { "IBMid-\(String(format: "%04d", 1_999 - $0))" }
        let administrator = { (id: String, iamID: String?, group: String?, service: String) in
            Fixture.policy(id, group: group, iamID: iamID, roles: [Fixture.administrator], [Fixture.attr("serviceName", service)])
        }
        return try FixtureEscalationTests.account(
            groups: [try Fixture.group("a", "A", members: ["IBMid-zed", "IBMid-ann"]),
                     try Fixture.group("b", "B", members: ["IBMid-bob"]),
                     try Fixture.group("huge", "Huge", members: members)],
            policies: [
                administrator("p-zeta", "IBMid-zed", nil, "zeta"), administrator("p-alpha", "IBMid-zed", nil, "alpha"),
                administrator("p-kms", nil, "b", "kms"), administrator("p-zeta-again", "IBMid-ann", nil, "zeta"),
                EscalationGoalTests.editorOnGroup("p-a-b", group: "a", on: "b"),
                EscalationGoalTests.editorOnGroup("p-b-a", group: "b", on: "a"),
                EscalationGoalTests.editorOnGroup("p-huge-admins", group: "huge", on: "admins"),
                EscalationGoalTests.editorOnGroup("p-bob-huge", iamID: "IBMid-bob", on: "huge"),
            ])
    }

    @Test(arguments: ["demo", "enterprise", "hand-made"])
    func everyHolderInIDOrderWithWhatItHolds(_ name: String) throws {
        let index = try #require(Self.indexes[name]).get()
        let graph = EscalationGraph(index)
        let holders = index.policiesOfIAMID.keys.map { EscalationNode.identity(iamID: $0) }
            + index.policiesOfGroup.keys.map { EscalationNode.accessGroup(id: $0) }
            + graph.scopes.keys.map { EscalationNode.grantableScope(key: $0) }
        #expect(graph.capabilityNodes == holders.sorted())
        #expect(graph.capabilities.count == graph.capabilityNodes.count)
        let all = graph.allCapabilities(in: index)
        #expect(all.count == graph.capabilityNodes.count)
        for (position, node) in graph.capabilityNodes.enumerated() {
            let policies: [Policy]
            switch node {
            case .identity(let iamID): policies = index.policiesOfIAMID[iamID] ?? []
            case .accessGroup(let id): policies = index.policiesOfGroup[id] ?? []
            case .grantableScope(let key):
                for held in [graph.capabilities[position], all[position]] {
                    #expect(held.map(\.target) == [graph.scopes[key]].compactMap { $0 }, "\(node.id)")
                    #expect(held.map(\.roleCRNs) == [EscalationGraph.grantedRoles] && held.allSatisfy { $0.policyID == nil && !$0.isConditional })
                }
                continue
            case .accountAdministration, .administrationPart, .instance, .administration:
                Issue.record("\(node.id) holds nothing")
                continue
            }
            // Every policy in `all`; those with Administrator or Manager among their roles in `capabilities`.
            let administering = policies.filter {
                $0.roleIDs.contains { AdministrationFindings.isAdministrator($0) || AdministrationFindings.isManager($0) }
            }
            for (held, policies) in [(all[position], policies), (graph.capabilities[position], administering)] {
                #expect(held.map(\.policyID) == policies.map(\.id), "\(node.id)")
                #expect(held.map(\.target) == policies.map(index.target), "\(node.id)")
                #expect(held.map(\.roleCRNs) == policies.map(\.roleIDs), "\(node.id)")
                #expect(held.map(\.isConditional) == policies.map { $0.rule != nil }, "\(node.id)")
            }
        }
        if name == "hand-made" {
            #expect(graph.scopes.keys.sorted() == ["serviceName=alpha", "serviceName=kms", "serviceName=zeta", "serviceType=platform_service"])
        }
    }

    @Test(arguments: ["demo", "enterprise", "hand-made"])
    func everyLinksNodesNumberedOneByOneInTheLinksOrder(_ name: String) throws {
        let graph = EscalationGraph(try #require(Self.indexes[name]).get())
        var numbers: [EscalationNode: Int] = [:], nodes: [EscalationNode] = []
        func number(_ node: EscalationNode) -> Int {
            if let known = numbers[node] { return known }
            numbers[node] = nodes.count
            nodes.append(node)
            return nodes.count - 1
        }
        var from: [Int] = [], to: [Int] = [], members = Array(repeating: [Int](), count: graph.fanOuts.count)
        for link in graph.links {
            from.append(number(link.edge.from))
            if let fanOut = link.fanOut {
                if members[fanOut].isEmpty { members[fanOut] = graph.fanOuts[fanOut].map(number) }
                to.append(-1 - fanOut)
            } else {
                to.append(number(link.edge.to))
            }
        }
        let numbering = graph.numbering
        #expect(numbering.nodes == nodes)
        #expect(numbering.numbers == numbers)
        #expect(numbering.from == from)
        #expect(numbering.to == to)
        #expect(numbering.fanOutMembers == members)
        #expect(numbering.primitive == graph.links.map(\.edge.isPrimitive))
        #expect(numbering.isIdentity == nodes.map(\.isIdentity))
        #expect(Set(from).count < from.count, "some node leaves several links")
    }
}
