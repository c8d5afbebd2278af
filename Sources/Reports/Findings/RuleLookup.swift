import Analysis

/// What was looked up for a finding's rule, kept for the findings after it: a report's findings come a rule at a time,
/// so a thread writing a run of them looks each rule up (which hashes its id) once, not once per finding. A run
/// thread's own.
struct RuleLookup<Value> {
    private var rule: RuleID?
    private var value: Value?

    /// `look(rule)`, or what it gave for the same rule the last time it was asked.
    mutating func callAsFunction(_ rule: RuleID, _ look: (RuleID) -> Value) -> Value {
        if let value, self.rule == rule { return value }
        let found = look(rule)
        self.rule = rule
        value = found
        return found
    }
}
