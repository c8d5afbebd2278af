import Foundation
import GraphValues
import Model
import Render
import Testing
import TestSupport
@testable import Graph

/// Issue 13: the whole-account map answers "who is admin?" at any size, in a screen's shape; the reviewer's views.
@Suite struct OverviewTests {

    /// Identities and groups with a privileged grant of their own, from the unaggregated view.
    static func privilegedHolders(_ account: IAMAccount) throws -> Set<String> {
        let full = try AccessMap.build(account, options: ViewOptions(maxNodes: nil))
        return Set(full.edges.filter { $0.kind == .grants && $0.flags.contains(.privileged) }.map(\.source))
    }

    @Test func enterpriseOverviewNamesEveryPrivilegedHolder() throws {
        let account = try EnterpriseSample.account()
        let view = try AccessMap.build(account, options: ViewOptions())
        #expect(view.nodes.count <= ViewOptions.defaultMaxNodes)
        let holders = try Self.privilegedHolders(account)
        #expect(!holders.isEmpty)
        let shown = view.nodeIDs
        #expect(holders.subtracting(shown).isEmpty, "privileged holders dissolved: \(holders.subtracting(shown).sorted().prefix(5))")
        #expect(!view.nodes.contains { $0.label.contains(" other ") })
        // Groups carry their member counts; the note says what the overview did.
        let groups = view.nodes.filter { $0.kind == .accessGroup && !$0.flags.contains(.everyone) }
        #expect(!groups.isEmpty && groups.allSatisfy { $0.label.contains(" member") })
        #expect(view.notes.contains { $0.hasPrefix("overview of ") })
    }

    @Test func overviewCountsMembersWhenPrivilegedMembersDoNotFit() throws {
        let account = try EnterpriseSample.account()
        let view = try AccessMap.build(account, options: ViewOptions(maxNodes: 250))
        let counted = view.nodes.filter { $0.kind == .accessGroup && $0.attributes["member_names"] != nil }
        #expect(!counted.isEmpty)
        #expect(counted.allSatisfy { $0.label.contains(" member") })
        // Direct privileged holders stay named whatever the budget.
        let direct = try Self.privilegedHolders(account).filter { !$0.hasPrefix("access_group:") && !$0.hasPrefix("service:") }
        #expect(direct.subtracting(view.nodeIDs).isEmpty)
    }

    @Test func redactedOverviewNamesNoMember() throws {
        let account = try EnterpriseSample.account()
        let view = try AccessMap.build(account, options: ViewOptions(maxNodes: 150))
        #expect(view.nodes.contains { $0.attributes["member_names"] != nil })
        let redacted = Redaction(accountID: account.accountID, accountName: account.info?.name).apply(to: view)
        #expect(!redacted.nodes.contains { $0.attributes["member_names"] != nil })
    }

    @Test func publicAccessKeepsItsName() throws {
        let view = try AccessMap.build(try DemoSample.account(), options: ViewOptions(maxNodes: 20))
        let everyone = try #require(view.nodes.first { $0.flags.contains(.everyone) })
        #expect(everyone.label == "Public Access (everyone)")
    }

    /// Was 1777 × 13262 pt (1:7.5) before the ranks were staggered.
    @Test func enterpriseOverviewHasAScreensShape() throws {
        let account = try EnterpriseSample.account()
        let view = try AccessMap.build(account, options: ViewOptions())
        let svg = String(decoding: try GraphvizRenderer.render(view, format: .svg), as: UTF8.self)
        let size = try #require(SVGSize(svg))
        let ratio = max(size.width / size.height, size.height / size.width)
        #expect(ratio <= 3, "\(size.width) × \(size.height) pt")
    }

    @Test func privilegedViewKeepsOnlyPrivilegedGrantsAndTheirHolders() throws {
        let account = try DemoSample.account()
        let view = try AccessMap.build(account, options: ViewOptions(privilegedOnly: true))
        let grants = view.edges.filter { $0.kind == .grants }
        #expect(!grants.isEmpty && grants.allSatisfy { $0.flags.contains(.privileged) })
        let holders = Set(grants.map(\.source))
        // Every membership leads to a holder (through groups or trusted profiles).
        for edge in view.edges where edge.kind == .memberOf || edge.kind == .canAssume {
            #expect(holders.contains(edge.target) || view.edges.contains { $0.source == edge.target })
        }
        #expect(view.node("access_group:\(DemoIDs.admins)") != nil)
        #expect(view.title.contains("privileged access only"))
    }

    @Test func serviceViewShowsWhoReachesItsInstances() throws {
        let account = try DemoSample.account()
        let view = try AccessMap.build(account, options: ViewOptions(focus: .service("kms")))
        let targets = view.nodes.filter { $0.kind == .target }
        #expect(!targets.isEmpty)
        #expect(targets.contains { $0.attributes["service"] == "kms" })
        #expect(view.nodes.contains { $0.kind.isIdentity || $0.kind == .accessGroup })
        #expect(throws: Lookup.Failure.self) { try AccessMap.build(account, options: ViewOptions(focus: .service("no-such"))) }
    }

    @Test func resourceGroupViewShowsWhoReachesTheGroup() throws {
        let account = try DemoSample.account()
        let view = try AccessMap.build(account, options: ViewOptions(focus: .resourceGroup("prod")))
        #expect(view.nodes.contains { $0.kind == .target && $0.label == "Resource group prod itself" })
        #expect(view.nodes.contains { $0.kind == .target && $0.label == "All resources in resource group prod" })
        #expect(!view.nodes.contains { $0.kind == .target && $0.label.contains("sandbox") })
    }

    @Test func labelsKeepTheInstanceAndServiceNames() throws {
        let view = try AccessMap.build(try DemoSample.account(), options: ViewOptions())
        let kms = try #require(view.nodes.first { $0.attributes["guid"] == DemoIDs.kmsInstance })
        #expect(kms.label == "Instance key-protect-prod of kms")
        #expect(RoleList.label(["Viewer", "Administrator", "Reader", "Manager", "Writer"]) == "Administrator + 4 more")
        #expect(RoleList.label(["Reader", "Editor"]) == "Editor, Reader")
        let long = view.edges.filter { ($0.attributes["roles"]?.components(separatedBy: ", ").count ?? 0) > 2 }
        #expect(long.allSatisfy { $0.label.contains(" more") })
    }
}

/// The width and height, in points, of a Graphviz SVG.
struct SVGSize {
    let width: Double
    let height: Double

    init?(_ svg: String) {
        func value(_ name: String) -> Double? {
            guard let start = svg.range(of: " \(name)=\""),
                  let end = svg.range(of: "pt\"", range: start.upperBound..<svg.endIndex) else { return nil }
            return Double(svg[start.upperBound..<end.lowerBound])
        }
        guard let width = value("width"), let height = value("height") else { return nil }
        self.width = width
        self.height = height
    }
}

/// When even the privileged holders do not fit (synthetic L has over a thousand privileged groups), the overview
/// draws them tier by tier — account administration, can assign access, service-wide, the rest — each access group
/// under its own name with its member count, never a class of several groups.
@Suite struct OverviewTierTests {
    /// Small enough that samples/enterprise's 130 privileged holders overflow it.
    static let budget = 60

    /// Holders of a privileged grant on everything, all account management or all IAM account management, from the
    /// unaggregated view.
    static func accountAdministrators(_ account: IAMAccount) throws -> Set<String> {
        let full = try AccessMap.build(account, options: ViewOptions(maxNodes: nil))
        let scopes = Dictionary(full.nodes.map { ($0.id, $0.attributes["scope"] ?? "") }, uniquingKeysWith: { first, _ in first })
        let administration: Set<String> = ["account", "all_account_management", "all_iam_account_management"]
        return Set(full.edges.filter {
            $0.kind == .grants && $0.flags.contains(.privileged) && administration.contains(scopes[$0.target] ?? "")
        }.map(\.source))
    }

    @Test func everyAccountAdministratorIsDrawnByNameOrAsItsGroupWithTheRightCount() throws {
        let account = try EnterpriseSample.account()
        let view = try AccessMap.build(account, options: ViewOptions(maxNodes: Self.budget))
        #expect(view.notes.contains { $0.contains("tier by tier") })
        let administrators = try Self.accountAdministrators(account)
        #expect(administrators.count > 1)
        let directPaths = view.nodes.filter { $0.id.hasPrefix("aggregate:direct:") }
        for holder in administrators {
            if let group = account.accessGroups.first(where: { Node.id(.accessGroup, $0.id) == holder }) {
                let node = try #require(view.node(holder), "administrators' group \(group.displayName) left out")
                #expect(node.label == "\(group.displayName) — \(group.members.count) member\(group.members.count == 1 ? "" : "s")")
                #expect(node.attributes["privilege"] == "account administration")
                #expect(view.clusters.first { $0.id == "tier:1" }?.nodeIDs.contains(holder) == true, "not in the tier's box")
                // Its members are listed (up to 20 by name, then how many more), so a search finds them.
                let listed = node.attributes["member_names"] ?? ""
                if group.members.count > MemberList.shown {
                    #expect(listed.hasSuffix(", and \(group.members.count - MemberList.shown) more"))
                } else {
                    for member in group.members { #expect(listed.contains(member.email ?? member.name ?? member.iamID)) }
                }
            } else if view.node(holder) == nil {
                let label = try #require(try AccessMap.build(account, options: ViewOptions(maxNodes: nil)).node(holder)).label
                #expect(directPaths.contains { $0.attributes["member_names"]?.contains(label) == true },
                        "administrator \(holder) neither by name nor in a direct path")
            }
        }
    }

    @Test func noNodeIsAClassOfGroupsAndTheBudgetHolds() throws {
        let view = try AccessMap.build(try EnterpriseSample.account(), options: ViewOptions(maxNodes: Self.budget))
        #expect(view.nodes.count <= Self.budget)
        #expect(view.edges.count <= Self.budget * 2)
        let groups = view.nodes.filter { $0.kind == .accessGroup }
        #expect(!groups.isEmpty)
        for group in groups {
            #expect(!group.flags.contains(.aggregate), "\(group.label)")
            #expect(group.flags.contains(.everyone) || group.label.hasSuffix(" member") || group.label.hasSuffix(" members"),
                    "\(group.label)")
        }
        #expect(!view.nodes.contains { $0.label.contains(" other ") || $0.label.contains("access groups,") })
        // What did not fit is counted, with where to see it.
        #expect(view.notes.contains { $0.contains("left out: +") && $0.hasSuffix("see --privileged") })
        #expect(view.edges.contains { $0.flags.contains(.privileged) })
    }

    /// Thirty privileged groups per service on instances (the lowest tier), five that can assign access to kms, and
    /// the account administrators: a budget of 30 draws the higher tiers whole and what fits of the rest.
    static var draft: GraphDraft {
        var nodes: [Node] = [], edges: [Edge] = []
        for service in ["kms", "cloud-object-storage"] {
            for index in 0..<30 {
                let target = Node(id: "target:\(service)-\(index)", kind: .target, label: "Instance \(index) of \(service)",
                                  attributes: ["scope": "instance", "service": service])
                let group = Node(id: "access_group:\(service)-\(index)", kind: .accessGroup, label: "G\(index)",
                                 attributes: ["members": "3"])
                nodes += [target, group]
                edges.append(Edge(source: group.id, target: target.id, kind: .grants, label: "Administrator",
                                  flags: index % 2 == 0 ? .privileged : []))
            }
        }
        let allKMS = Node(id: "target:kms", kind: .target, label: "kms across the account",
                          attributes: ["scope": "service_in_account", "service": "kms"])
        nodes.append(allKMS)
        for index in 0..<5 {
            let group = Node(id: "access_group:kms-admins-\(index)", kind: .accessGroup, label: "KMS Admins \(index)",
                             attributes: ["members": String(index + 1)])
            nodes.append(group)
            edges.append(Edge(source: group.id, target: allKMS.id, kind: .grants, label: "Administrator",
                              attributes: ["roles": "Administrator"], flags: .privileged))
        }
        let admins = Node(id: "access_group:admins", kind: .accessGroup, label: "Admins", attributes: ["members": "2"])
        let alice = Node(id: "user:alice", kind: .user, label: "Alice", attributes: ["email": "alice@example.com"])
        let everything = Node(id: "target:all", kind: .target, label: "Everything in the account",
                              attributes: ["scope": "account"])
        nodes += [admins, alice, everything]
        edges.append(Edge(source: admins.id, target: everything.id, kind: .grants, label: "Administrator", flags: .privileged))
        edges.append(Edge(source: alice.id, target: admins.id, kind: .memberOf))
        return GraphDraft(nodes: nodes, edges: edges, clusters: [])
    }

    @Test func tiersFillTheBudgetInOrder() {
        let view = Overview(budget: 30).apply(to: Self.draft).graph(title: "t")
        #expect(view.nodes.count == 30, "the budget is used whole")
        let admins = view.node("access_group:admins")
        #expect(admins?.label == "Admins — 2 members")
        #expect(admins?.attributes["member_names"] == "Alice <alice@example.com>")
        #expect(view.node("target:all") != nil)
        // Everyone who can assign access to kms, each group by name with one edge to the service.
        for index in 0..<5 {
            #expect(view.node("access_group:kms-admins-\(index)")?.label == "KMS Admins \(index) — \(index + 1) member\(index == 0 ? "" : "s")")
            #expect(view.edges.contains { $0.source == "access_group:kms-admins-\(index)" && $0.target == "target:kms" })
        }
        // The lowest tier: groups by name while they fit, their instances merged per service; the rest counted.
        #expect(!view.nodes.contains { $0.kind == .accessGroup && $0.flags.contains(.aggregate) })
        #expect(view.nodes.contains { $0.label == "cloud-object-storage in resource groups and instances — 15 scopes" })
        #expect(view.nodes.contains { $0.label == "kms in resource groups and instances — 5 scopes" })
        #expect(view.clusters.map(\.label) == [PrivilegeTier.accountAdministration, .assignsAccess, .scoped].map(\.phrase))
        #expect(view.notes.contains { $0.hasPrefix("privileged on one resource group or instance: 20 of 30 access groups") })
        #expect(view.notes.contains("privileged on one resource group or instance — left out: +10 access groups (30 members), "
                                    + "see --privileged"))
        #expect(view.notes.allSatisfy { $0.count <= 160 }, "a note longer than the heading shows")
    }
}
