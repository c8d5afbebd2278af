import Analysis
import Foundation
import GraphValues
import Testing
@testable import Graph
import Model
import TestSupport

@Suite struct AccessMapTests {
    func map(_ options: ViewOptions = ViewOptions()) throws -> AccessGraph {
        try AccessMap.build(Demo.account, options: options)
    }

    @Test func nodeIDsAreStableAndReadable() throws {
        let graph = try map()
        #expect(graph.nodes.allSatisfy { $0.id.hasPrefix($0.kind.rawValue + ":") || $0.id.hasPrefix("aggregate:") })
        #expect(graph.node("user:\(DemoIDs.owner)") != nil)
        #expect(try graph.node("access_group:\(Demo.group(named: "Admins").id)") != nil)
    }

    @Test func dynamicMemberEdgeCarriesTheRuleName() throws {
        let graph = try map()
        let group = try "access_group:" + Demo.group(named: "Data Engineers").id
        let edge = try #require(graph.edges.first { $0.source == "user:\(DemoIDs.sofia)" && $0.target == group })
        #expect(edge.kind == .memberOf)
        #expect(edge.flags.contains(.dynamic))
        #expect(edge.label.hasPrefix("rule: "))
        #expect(edge.attributes["membership"] == "dynamic")
    }

    @Test func authorizationLinksServiceToTarget() throws {
        let graph = try map()
        let service = "service:cloud-object-storage/\(DemoIDs.cosInstance)"
        let edge = try #require(graph.edges.first { $0.source == service })
        #expect(edge.kind == .grants)
        #expect(edge.label == "authorization: Reader")
        // With policy nodes, the authorization's node says what it is.
        let expanded = try map(ViewOptions(showPolicies: true))
        #expect(expanded.node("policy:5f637fdd-e800-4a4d-8293-47e9985fda55")?.label == "authorization 5f637fdd")
        let target = try #require(graph.node(edge.target))
        // The instance by name on the map (issue 13), its GUID in the attributes (the tooltip).
        #expect(target.label == "Instance key-protect-prod of kms")
        #expect(target.attributes["guid"] == DemoIDs.kmsInstance)
    }

    @Test func timeBasedConditionIsOnTheEdge() throws {
        let graph = try map()
        let edge = try #require(graph.edges.first { $0.attributes["policies"]?.contains(DemoIDs.timeBasedPolicy) == true })
        #expect(edge.flags.contains(.conditional))
        // The same words as the access tables: days as a range, times without seconds, the zone once.
        #expect(edge.label == "Writer\ntime-based: Mon–Fri 09:00–17:00 UTC")
        #expect(try edge.source == "access_group:" + Demo.group(named: "Data Engineers").id)
    }

    @Test func deletedInstanceTargetIsAWarning() throws {
        let graph = try map()
        let target = try #require(graph.nodes.first { $0.kind == .target && $0.attributes["attributes"]?.contains(DemoIDs.deletedInstance) == true })
        #expect(target.flags.contains(.warning))
        #expect(target.attributes["warning"] == "instance \(DemoIDs.deletedInstance) does not exist")
    }

    @Test func privilegedGrantsAreFlagged() throws {
        let graph = try map()
        let edge = try #require(graph.edges.first { $0.source == "user:\(DemoIDs.owner)" && $0.kind == .grants })
        #expect(edge.flags.contains(.privileged))
        #expect(graph.node(edge.target)?.attributes["scope"] == "all_iam_enabled_services")
    }

    @Test func publicAccessIsMarkedEveryone() throws {
        let graph = try map()
        #expect(graph.node("access_group:AccessGroupId-PublicAccess")?.flags.contains(.everyone) == true)
    }

    @Test func policiesOptionShowsPolicyAndRoleNodes() throws {
        let collapsed = try map()
        let expanded = try map(ViewOptions(showPolicies: true))
        #expect(!collapsed.nodes.contains { $0.kind == .policy || $0.kind == .role })
        #expect(expanded.nodes.contains { $0.id == "policy:\(DemoIDs.timeBasedPolicy)" })
        #expect(expanded.edges.contains { $0.source == "policy:\(DemoIDs.timeBasedPolicy)" && $0.kind == .appliesTo && $0.flags.contains(.conditional) })
        #expect(expanded.edges.contains { $0.source == "policy:\(DemoIDs.timeBasedPolicy)" && $0.kind == .grants })
    }

    @Test func clustersByResourceGroupOrServiceOrNone() throws {
        #expect(try map().clusters.allSatisfy { $0.label.hasPrefix("resource group ") })
        #expect(!(try map().clusters.isEmpty))
        #expect(try map(ViewOptions(clustering: .service)).clusters.allSatisfy { $0.label.hasPrefix("service ") })
        #expect(try map(ViewOptions(clustering: .none)).clusters.isEmpty)
    }

    @Test func identityViewShowsDirectGroupAndProfileAccess() throws {
        let graph = try map(ViewOptions(focus: .identity(DemoIDs.owner)))
        let kinds = Set(graph.nodes.map(\.kind))
        #expect(kinds.isSubset(of: [.user, .accessGroup, .target, .trustedProfile]))
        #expect(graph.nodes.filter { $0.kind == .user }.map(\.id) == ["user:\(DemoIDs.owner)"])
        #expect(graph.edges.contains { $0.source == "user:\(DemoIDs.owner)" && $0.kind == .grants })   // direct
        #expect(graph.edges.contains { $0.source == "user:\(DemoIDs.owner)" && $0.kind == .memberOf })  // through Admins
        #expect(graph.title.contains("effective access of"))
    }

    @Test func identityViewThroughATrustedProfile() throws {
        // Marcus may assume the IKS profile, which holds its own policy.
        let graph = try map(ViewOptions(focus: .identity(DemoIDs.marcus)))
        let profile = try #require(graph.nodes.first { $0.kind == .trustedProfile })
        #expect(graph.edges.contains { $0.source == "user:" + DemoIDs.marcus && $0.target == profile.id && $0.kind == .canAssume })
        #expect(graph.edges.contains { $0.source == profile.id && $0.kind == .grants })
    }

    @Test func resourceViewShowsEveryoneWhoCanReachTheInstance() throws {
        let graph = try map(ViewOptions(focus: .resource(DemoIDs.assistantPOC)))
        let instance = "service_instance:\(DemoIDs.assistantPOC)"
        #expect(graph.node(instance) != nil)
        // Only the owner's and terraform-sandbox's direct account-wide policies reach it, through the resource group.
        #expect(graph.nodes.filter { $0.kind.isIdentity }.map(\.id) == ["service_id:\(DemoIDs.terraformSandbox)", "user:\(DemoIDs.owner)"])
        #expect(!graph.nodes.contains { $0.kind == .accessGroup })
        #expect(graph.edges.contains { $0.kind == .contains && $0.target == instance })
    }

    @Test func resourceViewIncludesAuthorizations() throws {
        let graph = try map(ViewOptions(focus: .resource(DemoIDs.kmsInstance)))
        #expect(graph.nodes.contains { $0.kind == .service })
        #expect(graph.edges.contains { $0.kind == .covers && $0.target == "service_instance:\(DemoIDs.kmsInstance)" })
    }

    @Test func accessGroupView() throws {
        let group = try Demo.group(named: "Developers")
        let graph = try map(ViewOptions(focus: .accessGroup("developers")))
        #expect(graph.nodes.filter { $0.kind == .accessGroup }.map(\.id) == ["access_group:\(group.id)"])
        #expect(graph.edges.filter { $0.kind == .memberOf }.count == group.members.count)
        #expect(graph.edges.contains { $0.source == "access_group:\(group.id)" && $0.kind == .grants })
    }

    @Test func identityViewOfAnIdentityTheListsLack() throws {
        // An identity-scope snapshot has no user list: the identity is known only from its memberships and policies.
        let demo = try Demo.account
        let scoped = IAMAccount(accountID: demo.accountID, fetchedAt: demo.fetchedAt, scope: .identity(DemoIDs.owner),
                                info: demo.info, accessGroups: demo.accessGroups, accessPolicies: demo.accessPolicies,
                                roles: demo.roles, resourceGroups: demo.resourceGroups,
                                resourceInstances: demo.resourceInstances)
        let graph = try AccessMap.build(scoped, options: ViewOptions(focus: .identity(DemoIDs.owner)))
        let full = try map(ViewOptions(focus: .identity(DemoIDs.owner)))
        #expect(graph.nodes.filter { $0.kind == .user }.map(\.id) == ["user:\(DemoIDs.owner)"])
        #expect(Set(graph.edges.map { [$0.source, $0.target, $0.kind.rawValue] })
                == Set(full.edges.map { [$0.source, $0.target, $0.kind.rawValue] }))
    }

    @Test func unknownFocusIsAClearError() throws {
        #expect(throws: Lookup.Failure.notFound(what: "identity", query: "nobody@example.com", unknownCollection: false)) {
            try map(ViewOptions(focus: .identity("nobody@example.com")))
        }
    }

    /// A view that collapses policies builds no policy or role nodes (most of a large account's full graph), and
    /// draws the same policies as when it builds them.
    @Test func aCollapsedViewBuildsNoPolicyNodes() throws {
        let index = AccessIndex(try Demo.account)
        let lean = AccountGraphBuilder(index: index, coverage: .none, policyNodes: false)
        let whole = AccountGraphBuilder(index: index, coverage: .none, policyNodes: true)
        #expect(!lean.nodes.values.contains { $0.kind == .policy || $0.kind == .role })
        #expect(whole.nodes.values.contains { $0.kind == .policy })
        #expect(lean.nodes == whole.nodes.filter { $0.value.kind != .policy && $0.value.kind != .role })
        #expect(lean.edges == whole.edges.filter { !AccountGraphBuilder.endsAtPolicy($0.kind) })
        let visible = Set(lean.nodes.keys)
        let edges = PolicyCollapse.edges(lean.collapsedPolicies, policies: nil, visible: visible)
        #expect(!edges.isEmpty)
        #expect(edges == PolicyCollapse.edges(whole.collapsedPolicies, policies: nil, visible: visible))
        // The entities a map of changes is told about are those of the view's kinds.
        let entities = try AccessMap.view(Demo.account, options: ViewOptions()).entities
        #expect(!entities.contains { $0.hasPrefix("policy:") })
    }

    @Test func includeAndExcludeNodeKinds() throws {
        let withInstances = try map(ViewOptions(include: [.serviceInstance, .resourceGroup]))
        #expect(withInstances.nodes.contains { $0.kind == .serviceInstance })
        #expect(withInstances.edges.contains { $0.kind == .covers })
        let withoutUsers = try map(ViewOptions(exclude: [.user]))
        #expect(!withoutUsers.nodes.contains { $0.kind == .user })
    }

    /// The generic aggregation (views with policy nodes, focused views); the whole-account overview is in OverviewTests.
    @Test func aggregatesToTheNodeBudgetAndSaysSo() throws {
        let full = try map(ViewOptions(showPolicies: true, maxNodes: nil))
        let small = try map(ViewOptions(showPolicies: true, maxNodes: 12))
        #expect(full.nodes.count > 12)
        #expect(small.nodes.count <= 12 + NodeKind.allCases.count)
        #expect(small.nodes.count < full.nodes.count)
        #expect(small.nodes.contains { $0.flags.contains(.aggregate) })
        #expect(small.notes.contains { $0.contains("aggregated to fit the 12-node budget") })
        // Every edge still joins nodes of the graph.
        let ids = small.nodeIDs
        #expect(small.edges.allSatisfy { ids.contains($0.source) && ids.contains($0.target) })
    }

    @Test func equivalentIdentitiesCollapseFirst() throws {
        let graph = try map(ViewOptions(showPolicies: true, maxNodes: 10))
        let aggregate = try #require(graph.nodes.first { $0.flags.contains(.aggregate) && $0.kind == .user })
        #expect(aggregate.label.hasSuffix(" users"))
    }
}
