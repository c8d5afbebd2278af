/// One rule of the findings report: its id and how it is evaluated over an account.
struct FindingRule: Sendable {
    /// What evaluating a rule gave.
    enum Outcome: Sendable {
        case findings([Finding])
        /// The rule could not run for a reason other than an unknown collection (e.g. no activity data).
        case notEvaluated(String)
    }

    let id: RuleID
    let evaluate: @Sendable (FindingContext) -> Outcome

    init(_ id: RuleID, _ evaluate: @escaping @Sendable (FindingContext) -> Outcome) {
        self.id = id
        self.evaluate = evaluate
    }

    /// A rule that always runs once its collections are known.
    init(_ id: RuleID, findings: @escaping @Sendable (FindingContext) -> [Finding]) {
        self.init(id) { .findings(findings($0)) }
    }
}
