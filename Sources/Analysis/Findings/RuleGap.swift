/// A rule the report could not evaluate, or evaluated without all it reads: its silence is not a clean bill.
package struct RuleGap: Sendable, Hashable {
    /// The rule concerned.
    package let rule: RuleID
    /// Whether the rule ran at all (on what the snapshot holds) or was skipped.
    package let evaluated: Bool
    /// Why: the unknown collections, or another missing input such as the activity report.
    package let reason: String

    /// A gap of `rule`: skipped (`evaluated` false) or incomplete, and why.
    package init(rule: RuleID, evaluated: Bool, reason: String) {
        self.rule = rule
        self.evaluated = evaluated
        self.reason = reason
    }
}
