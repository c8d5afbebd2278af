@testable import Analysis
import Testing

/// Rules are complete by construction: `RuleID.rule` is an exhaustive switch, and the report runs what it returns.
@Suite struct RuleRegistryTests {
    /// A rule without an evaluator would be listed with 0 findings without having run: a false all-clear.
    @Test(arguments: RuleID.allCases)
    func everyRuleButCollectionUnknownHasAnEvaluator(_ rule: RuleID) {
        #expect((rule.rule == nil) == (rule == .collectionUnknown))
    }
}
