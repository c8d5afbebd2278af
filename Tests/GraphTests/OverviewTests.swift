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

    /// When the access groups that grant something and the identities with a privileged grant of their own are more
    /// than the budget, the plan cannot fit and is not made: the overview is the tiers', as the plan's own fallback
    /// gives, at every budget around that bound.
    @Test func skippingThePlanThatCannotFitChangesNoOverview() throws {
        for account in [try DemoSample.account(), try EnterpriseSample.account()] {
            let draft = try AccessMap.draft(account, options: ViewOptions()).draft
            let least = Overview.namedAtLeast(draft)
            #expect(least > 10)
            var tiers = 0, planned = 0
            for budget in Set([least / 2, least - 1, least, least + 1, least + 20, 60, 150, 250, 400]) {
                let overview = Overview(budget: budget)
                let view = overview.apply(to: draft).graph(title: "t")
                #expect(view == overview.planned(draft).graph(title: "t"), "budget \(budget)")
                if view.notes.contains(where: { $0.contains("privileged first") }) { tiers += 1 } else { planned += 1 }
            }
            #expect(tiers > 0 && planned > 0, "both ways of drawing checked")
        }
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

    @Test func everyAccountAdministratorIsDrawnByNameOrInItsTiersGroupedNode() throws {
        let account = try EnterpriseSample.account()
        let view = try AccessMap.build(account, options: ViewOptions(maxNodes: Self.budget))
        #expect(view.notes.contains { $0.contains("privileged first") })
        let administrators = try Self.accountAdministrators(account)
        #expect(administrators.count > 1)
        let full = try AccessMap.build(account, options: ViewOptions(maxNodes: nil))
        let grouped = view.nodes.filter { $0.id.hasPrefix("aggregate:tier:1|") }
        for holder in administrators {
            if let node = view.node(holder) {
                #expect(node.attributes["privilege"] == "account administration")
                #expect(view.clusters.first { $0.id == "tier:1" }?.nodeIDs.contains(holder) == true, "not in the tier's box")
                guard let group = account.accessGroups.first(where: { Node.id(.accessGroup, $0.id) == holder }) else { continue }
                #expect(node.label == "\(group.displayName) — \(group.members.count) member\(group.members.count == 1 ? "" : "s")")
                // Its members are listed (up to 20 by name, then how many more), so a search finds them.
                let listed = node.attributes["member_names"] ?? ""
                if group.members.count > MemberList.shown {
                    #expect(listed.hasSuffix(", and \(group.members.count - MemberList.shown) more"))
                } else {
                    for member in group.members { #expect(listed.contains(member.email ?? member.name ?? member.iamID)) }
                }
            } else {
                let label = try #require(full.node(holder)).label
                #expect(grouped.contains { $0.attributes["member_names"]?.contains(label) == true },
                        "administrator \(holder) neither by name nor in the tier's grouped node")
            }
        }
    }

    @Test func groupsAreNamedOrGroupedByTargetAndTheBudgetHolds() throws {
        let view = try AccessMap.build(try EnterpriseSample.account(), options: ViewOptions(maxNodes: Self.budget))
        #expect(view.nodes.count <= Self.budget)
        #expect(view.edges.count <= Self.budget * 2)
        let groups = view.nodes.filter { $0.kind == .accessGroup && !$0.flags.contains(.aggregate) }
        #expect(!groups.isEmpty)
        for group in groups {
            #expect(group.flags.contains(.everyone) || group.label.hasSuffix(" member") || group.label.hasSuffix(" members"),
                    "\(group.label)")
        }
        // A grouped node stands for one tier's holders of one target class, with one edge to it.
        for node in view.nodes where node.id.hasPrefix("aggregate:tier:") {
            #expect(node.flags.contains(.privileged) && node.attributes["count"] != nil, "\(node.label)")
            #expect(view.edges(from: node.id).count == 1, "\(node.label)")
        }
        #expect(!view.nodes.contains { $0.label.contains(" other ") })
        #expect(view.edges.contains { $0.flags.contains(.privileged) })
    }

    /// A synthetic account far bigger than the budget in every tier: account administrators (80 groups, 5 users),
    /// 100 groups, 20 users and 10 service IDs that can assign access to one of ten services, 100 groups and 30
    /// service IDs with Manager service-wide, 200 groups privileged on instances, and 50 groups with other access.
    static var largeDraft: GraphDraft {
        var nodes: [Node] = [], edges: [Edge] = []
        func target(_ id: String, _ label: String, scope: String, service: String? = nil) -> String {
            if !nodes.contains(where: { $0.id == id }) {
                var attributes = ["scope": scope]
                attributes["service"] = service
                nodes.append(Node(id: id, kind: .target, label: label, attributes: attributes))
            }
            return id
        }
        func holder(_ kind: NodeKind, _ name: String, members: Int, grants role: String, on targetID: String, privileged: Bool = true) {
            let id = "\(kind.rawValue):\(name)"
            var attributes: [String: String] = kind == .accessGroup ? ["members": String(members)] : [:]
            if kind == .user { attributes["email"] = "\(name)@example.com" }
            nodes.append(Node(id: id, kind: kind, label: name, attributes: attributes))
            edges.append(Edge(source: id, target: targetID, kind: .grants, label: role, attributes: ["roles": role],
                              flags: privileged ? .privileged : []))
        }
        let everything = target("target:all", "Everything in the account", scope: "account")
        for index in 0..<80 { holder(.accessGroup, "Admins \(index)", members: 100 - index, grants: "Administrator", on: everything) }
        for index in 0..<5 { holder(.user, "admin\(index)", members: 1, grants: "Administrator", on: everything) }
        let services = (0..<10).map { "service\($0)" }
        func wide(_ index: Int) -> String {
            target("target:wide-\(services[index % 10])", "\(services[index % 10]) across the account",
                   scope: "service_in_account", service: services[index % 10])
        }
        for index in 0..<100 { holder(.accessGroup, "Assigners \(index)", members: 1 + index % 7, grants: "Administrator", on: wide(index)) }
        for index in 0..<20 { holder(.user, "assigner\(index)", members: 1, grants: "Administrator", on: wide(index)) }
        for index in 0..<10 { holder(.serviceID, "assigning-sid-\(index)", members: 1, grants: "Administrator", on: wide(index)) }
        for index in 0..<100 { holder(.accessGroup, "Managers \(index)", members: 2, grants: "Manager", on: wide(index)) }
        for index in 0..<30 { holder(.serviceID, "managing-sid-\(index)", members: 1, grants: "Manager", on: wide(index)) }
        for index in 0..<200 {
            let instance = target("target:instance-\(index)", "Instance \(index) of \(services[index % 10])", scope: "instance",
                                  service: services[index % 10])
            holder(.accessGroup, "Operators \(index)", members: 3, grants: "Editor", on: instance)
        }
        for index in 0..<50 { holder(.accessGroup, "Readers \(index)", members: 4, grants: "Viewer", on: wide(index), privileged: false) }
        return GraphDraft(nodes: nodes, edges: edges, clusters: [])
    }

    /// Holders per tier in `largeDraft`.
    static let tierTotals: [PrivilegeTier: Int] = [.accountAdministration: 85, .assignsAccess: 130, .serviceWide: 130, .scoped: 200]

    /// Issue 13: every privileged tier is on the picture, its holders by name or grouped by target, none lost, each
    /// grouped holder listed on its node for the explorer's search.
    @Test(arguments: [150, 400])
    func everyTierIsOnThePictureAndItsHoldersAddUp(budget: Int) throws {
        let draft = Self.largeDraft
        let view = Overview(budget: budget).apply(to: draft).graph(title: "t")
        #expect(view.nodes.count <= budget)
        #expect(view.edges.count <= budget * 2)
        // Each holder of the draft has one grant: its tier.
        let scopes = Dictionary(draft.nodes.map { ($0.id, $0.attributes["scope"] ?? "") }, uniquingKeysWith: { first, _ in first })
        let tiers = Dictionary(draft.edges.filter { $0.flags.contains(.privileged) }.map {
            ($0.source, PrivilegeTier(scope: scopes[$0.target] ?? "", roles: [$0.label]))
        }, uniquingKeysWith: min)
        for tier in PrivilegeTier.allCases {
            let box = try #require(view.clusters.first { $0.id == "tier:\(tier.rawValue)" }, "\(tier.phrase) is not drawn")
            #expect(box.label == tier.phrase)
            let holders = view.nodes.filter { box.nodeIDs.contains($0.id) && $0.kind != .target }
            let named = Set(holders.filter { !$0.flags.contains(.aggregate) }.map(\.id))
            let grouped = holders.filter { $0.flags.contains(.aggregate) }
            #expect(!named.isEmpty, "no holder of \(tier.phrase) by name")
            let count = named.count + grouped.reduce(0) { $0 + (Int($1.attributes["count"] ?? "") ?? 0) }
            #expect(count == Self.tierTotals[tier], "\(tier.phrase): \(count) holders drawn")
            let listed = Set(grouped.flatMap { ($0.attributes["member_names"] ?? "").components(separatedBy: ", ") })
            let tierHolders = Set(tiers.filter { $0.value == tier }.keys)
            #expect(tierHolders.count == Self.tierTotals[tier])
            for holder in tierHolders.subtracting(named) {
                let node = try #require(draft.nodes.first { $0.id == holder })
                let entry = switch node.kind {
                case .accessGroup: "\(node.label) (\(node.attributes["members"] ?? "?") member\(node.attributes["members"] == "1" ? "" : "s"))"
                case .user: "\(node.label) <\(node.label)@example.com>"
                default: node.label
                }
                #expect(listed.contains(entry), "\(entry) is on no grouped node of \(tier.phrase)")
            }
        }
        #expect(view.notes.allSatisfy { $0.count <= 160 }, "a note longer than the heading shows")
    }

    /// A budget too small for every tier's targets still holds, and the notes count what it left out.
    @Test func aTinyBudgetHoldsAndCountsWhatItLeavesOut() {
        let view = Overview(budget: 40).apply(to: Self.largeDraft).graph(title: "t")
        #expect(view.nodes.count <= 40)
        #expect(view.edges.count <= 80)
        #expect(view.notes.contains { $0.contains("left out: +") && $0.hasSuffix("see --privileged") })
    }

    /// The largest groups of a tier are the ones named; a tier's service IDs get a part of its names too.
    @Test func largestHoldersByNameAndEveryKindNamed() throws {
        let view = Overview(budget: 150).apply(to: Self.largeDraft).graph(title: "t")
        #expect(view.node("access_group:Admins 0")?.label == "Admins 0 — 100 members")
        #expect(view.node("user:admin0") != nil)
        let assigners = view.clusters.first { $0.id == "tier:2" }?.nodeIDs ?? []
        #expect(assigners.contains { $0.hasPrefix("service_id:") }, "no service ID that can assign access by name")
        #expect(assigners.contains { $0.hasPrefix("user:") })
        // The grouped rest of the tier reads "+ N access groups (M members), …" and its edge gives the role set.
        let rest = try #require(view.nodes.first { $0.id.hasPrefix("aggregate:tier:2|service:service0") })
        #expect(rest.label.hasPrefix("+ ") && rest.label.contains(" access groups ("))
        let edge = try #require(view.edges(from: rest.id).first)
        #expect(edge.attributes["roles"] == "Administrator")
        #expect(view.node(edge.target)?.label.hasPrefix("service0 across the account") == true)
    }

    /// Where every edge into a target has the same role set, the target says it once and the edges go unlabelled.
    @Test func aUniformRoleSetIsSaidOnceOnItsTarget() throws {
        let view = Overview(budget: 150).apply(to: Self.largeDraft).graph(title: "t")
        let everything = try #require(view.nodes.first { $0.label.hasPrefix("Everything in the account") })
        #expect(everything.label == "Everything in the account: Administrator")
        let into = view.edges(to: everything.id)
        #expect(into.count > 1 && into.allSatisfy { $0.label.isEmpty && $0.attributes["roles"] == "Administrator" })
    }

    /// A tier's edges end in its own box: a class reached from two tiers is drawn in each.
    @Test func edgesStayInTheirTiersBox() throws {
        let view = Overview(budget: 150).apply(to: Self.largeDraft).graph(title: "t")
        var box: [String: String] = [:]
        for cluster in view.clusters { for id in cluster.nodeIDs { box[id] = cluster.id } }
        #expect(view.nodes.allSatisfy { box[$0.id] != nil })
        for edge in view.edges { #expect(box[edge.source] == box[edge.target], "\(edge.source) → \(edge.target)") }
        #expect(view.nodes.filter { $0.label.hasPrefix("service0 across the account") }.count >= 2)  // tiers 2 and 3
        #expect(Set(view.nodes.map(\.id)).count == view.nodes.count)
    }

    @Test func fairShareGuaranteesEachItsPart() {
        #expect(FairShare.split(100, demands: [10, 500, 500], weights: [1, 1, 1]) == [10, 45, 45])
        #expect(FairShare.split(100, demands: [500, 500], weights: [3, 1]) == [75, 25])
        #expect(FairShare.split(10, demands: [1, 1, 1], weights: [1, 1, 1]) == [1, 1, 1])
        #expect(FairShare.split(2, demands: [5, 5, 5], weights: [1, 1, 1]) == [1, 1, 0])
        #expect(FairShare.split(-5, demands: [5], weights: [1]) == [0])
        #expect(FairShare.split(7, demands: [], weights: []) == [])
    }
}
