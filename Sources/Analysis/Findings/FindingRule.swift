/// How one rule of the findings report is evaluated over an account.
struct FindingRule: Sendable {
    /// What evaluating a rule gave.
    enum Outcome: Sendable {
        case findings([Finding])
        /// The rule could not run for a reason other than an unknown collection (e.g. no activity data).
        case notEvaluated(String)
    }

    let evaluate: @Sendable (FindingContext) -> Outcome

    /// A rule that may decline to run (see `Outcome.notEvaluated`).
    init(_ evaluate: @escaping @Sendable (FindingContext) -> Outcome) {
        self.evaluate = evaluate
    }

    /// A rule that always runs once its collections are known.
    init(findings: @escaping @Sendable (FindingContext) -> [Finding]) {
        self.init { .findings(findings($0)) }
    }
}
