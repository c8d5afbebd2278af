import Analysis
import Foundation
import Model
@testable import Reports
import Testing
import TestSupport

/// `iamgraph escalation`'s formats on samples/demo.
@Suite struct EscalationOutputTests {
    func report(from: String? = nil) throws -> EscalationReport {
        let index = try DemoAccount.index
        return EscalationReport(Escalation(index), index: index, from: from)
    }

    @Test func jsonListsEveryPathStepByStep() throws {
        let data = try EscalationOutput.data(report(), format: .json)
        let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(json["format"] as? String == "iamgraph-escalation")
        #expect(json["summary"] as? [String: Int] == ["identities": 17, "with_paths": 8, "holders": 3, "longest_path": 2])
        let paths = try #require(json["paths"] as? [[String: Any]])
        let kenji = try #require(paths.first { $0["iam_id"] as? String == DemoIDs.kenji })
        let steps = try #require(kenji["steps"] as? [[String: Any]])
        #expect(steps.map { $0["kind"] as? String } == ["member_of", "primitive", "holds"])
        #expect(steps[1]["primitive"] as? String == "add-group-member")
        #expect(steps[1]["action"] as? String == "iam-groups.members.add")
        #expect(steps[1]["role"] as? String == "Editor")
        #expect(steps[2]["to"] as? String == "account_administration")
    }

    @Test func textAndMarkdownForOneIdentity() throws {
        let text = try String(decoding: EscalationOutput.data(report(from: DemoIDs.kenji), format: .text), as: UTF8.self)
        #expect(text.hasPrefix("Kenji Tanaka (IBMid-120005DR8V) can reach account administration in 1 step\n"))
        #expect(text.contains("  2. access group Access Managers adds itself to access group Admins [add-group-member]"))
        let markdown = try String(decoding: EscalationOutput.data(report(from: DemoIDs.bob), format: .markdown), as: UTF8.self)
        // The hostile-ish name is escaped; the inferred step says so.
        #expect(markdown.contains("## O'Brien &amp; \"Bob\" Murphy"))
        #expect(markdown.contains("inferred from role name"))
        let decoy = try String(decoding: EscalationOutput.data(report(from: DemoIDs.tomas), format: .text), as: UTF8.self)
        #expect(decoy.hasPrefix("Tomás Ruiz (IBMid-060001KMU7) has no escalation path to account administration"))
    }

    @Test func dotDrawsTheStepsAndExplainsThemInTheLegend() throws {
        let dot = try String(decoding: EscalationOutput.data(report(), format: .dot), as: UTF8.self)
        #expect(dot.contains("escalation step"))
        #expect(dot.contains("#7B2CBF"))
    }
}
