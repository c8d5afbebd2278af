import Model

/// Rules evaluated over one context on two threads: the costly rules (`FindingRule.isCostly`) one after another on a
/// thread of their own, started first, and the others on the calling thread beside them. Rules only read the context
/// and each returns its own findings, so the outcomes are the same as one after another; they are handed back in the
/// order the rules were given, whichever finished first.
struct RuleEvaluation {
    /// What evaluating one rule gave, and how long it took.
    struct Evaluated: Sendable {
        let rule: RuleID
        let outcome: RuleOutcome
        let duration: Duration
    }

    /// Every rule's outcome, in the order the rules were given.
    let evaluated: [Evaluated]
    /// How long the calling thread took to find the administration the other rules share before running them.
    let administration: Duration

    /// Evaluates `rules` (each once) over `context`; with `concurrently` false, all on the calling thread.
    init(_ rules: [RuleID], in context: FindingContext, concurrently: Bool = true) {
        let costly = concurrently ? rules.filter { $0.isCostly } : []
        let beside = concurrently ? rules.filter { !$0.isCostly } : rules
        let costlyLane = costly.isEmpty ? nil : Concurrent { Self.evaluate(costly, context) }
        let clock = ContinuousClock()
        let start = clock.now
        context.prepareAdministration()
        administration = clock.now - start
        let byRule = Dictionary(Self.evaluate(beside, context).map { ($0.rule, $0) } + (costlyLane?.value ?? []).map { ($0.rule, $0) },
                                uniquingKeysWith: { first, _ in first })
        evaluated = rules.compactMap { byRule[$0] }
    }

    /// The outcomes of `rules`, one after another on this thread.
    private static func evaluate(_ rules: [RuleID], _ context: FindingContext) -> [Evaluated] {
        let clock = ContinuousClock()
        return rules.map { rule in
            let start = clock.now
            let outcome = rule.definition.evaluate(context)
            return Evaluated(rule: rule, outcome: outcome, duration: clock.now - start)
        }
    }
}
