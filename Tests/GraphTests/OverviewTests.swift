import Foundation
import GraphValues
import Model
import Render
import Testing
import TestSupport
@testable import Graph

/// Issue 13: the whole-account map answers "who is admin?" at any size, in a screen's shape; the reviewer's views.
@Suite struct OverviewTests {
    static let enterprise: Result<IAMAccount, any Error> = Result { try AccountLoader.load(directory: Samples.enterprise).account }

    /// Identities and groups with a privileged grant of their own, from the unaggregated view.
    static func privilegedHolders(_ account: IAMAccount) throws -> Set<String> {
        let full = try AccessMap.build(account, options: ViewOptions(maxNodes: nil))
        return Set(full.edges.filter { $0.kind == .grants && $0.flags.contains(.privileged) }.map(\.source))
    }

    @Test func enterpriseOverviewNamesEveryPrivilegedHolder() throws {
        let account = try Self.enterprise.get()
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
        let account = try Self.enterprise.get()
        let view = try AccessMap.build(account, options: ViewOptions(maxNodes: 250))
        let counted = view.nodes.filter { $0.kind == .accessGroup && $0.attributes["member_names"] != nil }
        #expect(!counted.isEmpty)
        #expect(counted.allSatisfy { $0.label.contains(" member") })
        // Direct privileged holders stay named whatever the budget.
        let direct = try Self.privilegedHolders(account).filter { !$0.hasPrefix("access_group:") && !$0.hasPrefix("service:") }
        #expect(direct.subtracting(view.nodeIDs).isEmpty)
    }

    @Test func redactedOverviewNamesNoMember() throws {
        let account = try Self.enterprise.get()
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
        let account = try Self.enterprise.get()
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

/// When even the privileged holders do not fit (synthetic L has over a thousand of each), they are grouped by what
/// makes them privileged, with counts — never dissolved into "N other access groups".
@Suite struct OverviewClassTests {
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
        let admins = Node(id: "access_group:admins", kind: .accessGroup, label: "Admins", attributes: ["members": "2"])
        let everything = Node(id: "target:all", kind: .target, label: "Everything in the account",
                              attributes: ["scope": "account"])
        nodes += [admins, everything]
        edges.append(Edge(source: admins.id, target: everything.id, kind: .grants, label: "Administrator", flags: .privileged))
        return GraphDraft(nodes: nodes, edges: edges, clusters: [])
    }

    @Test func holdersAreGroupedByWhatMakesThemPrivileged() {
        let view = Overview(budget: 40).apply(to: Self.draft).graph(title: "t")
        #expect(view.nodes.count <= 40)
        #expect(!view.nodes.contains { $0.label.contains(" other ") })
        let labels = Set(view.nodes.map(\.label))
        #expect(labels.contains("15 access groups, 45 members: privileged on kms"))
        #expect(labels.contains("15 access groups, 45 members: access on kms"))
        #expect(labels.contains("kms — 30 scopes"))
        // The account administrators stay by name, with their account-wide scope.
        #expect(view.node("access_group:admins")?.label == "Admins — 2 members")
        #expect(view.node("target:all") != nil)
        #expect(view.edges.contains { $0.source.hasPrefix("aggregate:class:access_group|true|kms") && $0.flags.contains(.privileged) })
    }
}
