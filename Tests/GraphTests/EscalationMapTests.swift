import GraphValues
import Testing
@testable import Graph
import Model
import TestSupport

/// `render --escalation` and `render --identity X`: the escalation steps drawn on top of the access map.
@Suite struct EscalationMapTests {
    func map(_ options: ViewOptions) throws -> AccessGraph { try AccessMap.build(Demo.account, options: options) }

    static let adminsNode = "access_group:" + DemoIDs.admins

    @Test func theWholeMapShowsEveryPathWhenAsked() throws {
        let graph = try map(ViewOptions(maxNodes: nil, escalation: true))
        let steps = graph.edges.filter { $0.kind == .escalatesTo }
        #expect(steps.allSatisfy { $0.flags.contains(.escalation) })
        #expect(steps.contains { $0.source == "access_group:" + DemoIDs.accessManagers && $0.target == Self.adminsNode
            && $0.label == "add-group-member (Editor)" && $0.attributes["policy_id"] == DemoIDs.manageAdminsPolicy })
        #expect(steps.contains { $0.source == "service_id:" + DemoIDs.ciDeployer && $0.target == "service_id:" + DemoIDs.breakGlass })
        #expect(steps.contains { $0.source == Self.adminsNode && $0.target == "account:administration" })
        #expect(graph.node("account:administration")?.flags.contains(.privileged) == true)
        #expect(graph.notes.contains { $0.contains("escalation paths") })
    }

    @Test func theMapHasNoEscalationStepsUnlessAsked() throws {
        #expect(!(try map(ViewOptions()).edges.contains { $0.kind == .escalatesTo }))
    }

    @Test func anIdentityMapShowsItsOwnPathOnly() throws {
        let kenji = try map(ViewOptions(focus: .identity(DemoIDs.kenji)))
        let steps = kenji.edges.filter { $0.kind == .escalatesTo }
        #expect(Set(steps.map(\.target)) == ["account:administration", Self.adminsNode])
        // The decoy has no path: nothing is added to his map.
        let tomas = try map(ViewOptions(focus: .identity(DemoIDs.tomas)))
        #expect(!tomas.edges.contains { $0.kind == .escalatesTo })
        #expect(tomas.node("account:administration") == nil)
    }
}
