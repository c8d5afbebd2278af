@testable import Analysis
import Foundation
import Testing
import TestSupport

/// Rules are complete by construction: `RuleID` is generated from the rule types, and the report runs every one.
@Suite struct RuleRegistryTests {
    /// The id a rule declares is its `RuleID`'s raw value, and reads back as that rule (`--rules`, ignore files).
    @Test(arguments: RuleID.allCases)
    func idsReadBack(_ rule: RuleID) {
        #expect(rule.rawValue == rule.definition.id)
        #expect(RuleID(rawValue: rule.rawValue) == rule)
    }

    @Test func unknownIDsReadAsNoRule() {
        #expect(RuleID(rawValue: "no-such-rule") == nil)
        #expect(RuleID(rawValue: "") == nil)
    }

    /// The report lists the rules in the order of their sections in docs/findings.md, each once.
    @Test func theOrderIsTheDocsOrder() throws {
        let docs = try String(contentsOf: Samples.repository.appendingPathComponent("docs/findings.md"), encoding: .utf8)
        let sections = docs.split(separator: "\n").compactMap { $0.firstMatch(of: #/^### `(?<id>[^`]*)`$/#).map { String($0.id) } }
        #expect(sections == RuleID.allCases.map(\.rawValue))
    }
}
