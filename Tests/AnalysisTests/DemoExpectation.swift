@testable import Analysis

/// What a rule finds on samples/demo, declared next to the rule's tests as `extension <Name>Rule: DemoExpectation`:
/// the first entity of each finding, in report order; an empty list when the demo does not seed the rule.
/// `DemoFindingsTests` fails for every rule that declares none, and Swift refuses a second declaration.
protocol DemoExpectation {
    static var demoSubjects: [String] { get }
}

extension RuleID {
    /// The rule's demo expectation; `nil` when its tests declare none.
    var demoSubjects: [String]? { (definition as? any DemoExpectation.Type)?.demoSubjects }
}
