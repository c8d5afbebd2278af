import Snapshot

/// A findings rule: its stable id, what it means, how severe it is, what it reads, and how it is evaluated.
///
/// Every type in `Findings/Rules/` declared as `struct <Name>Rule: FindingRule` (or `AlwaysEvaluatedRule`) is a case
/// of `RuleID`, which the RuleRegistry build-tool plugin generates from that folder, in the order of the rules'
/// sections in docs/findings.md: a rule whose type exists is always registered, evaluated and reported.
protocol FindingRule: Sendable {
    /// The stable rule id (SARIF, `--fail-on`, docs/findings.md): lower-case words joined by `-`; never rename one.
    static var id: String { get }
    /// How severe the rule's findings are (SARIF's `defaultConfiguration.level`).
    static var severity: Severity { get }
    /// A short title, the same for every finding of the rule.
    static var title: String { get }
    /// What a finding of the rule means.
    static var summary: String { get }
    /// How to fix what the rule finds.
    static var fix: String { get }
    /// Collections without which the rule cannot be evaluated: when one is unknown, the rule is skipped.
    static var requires: Set<CollectionKind> { get }
    /// Collections the rule also reads: when one is unknown, the rule runs but may miss findings.
    static var alsoReads: Set<CollectionKind> { get }
    /// Whether the rule costs as much as many others together (it searches rather than looks up): such rules are
    /// started first, so that the others run beside them on the other core (`RuleEvaluation`).
    static var isCostly: Bool { get }
    /// The rule's findings over an account whose required collections are known, or why it could not run.
    static func evaluate(_ c: FindingContext) -> RuleOutcome
}

extension FindingRule {
    static var isCostly: Bool { false }
}

/// A rule that always runs once its required collections are known.
protocol AlwaysEvaluatedRule: FindingRule {
    /// The rule's findings over an account whose required collections are known.
    static func findings(_ c: FindingContext) -> [Finding]
}

extension AlwaysEvaluatedRule {
    static func evaluate(_ c: FindingContext) -> RuleOutcome { .findings(findings(c)) }
}

/// What evaluating a rule gave.
enum RuleOutcome: Sendable {
    case findings([Finding])
    /// The rule could not run for a reason other than an unknown collection (e.g. no activity data).
    case notEvaluated(String)
}
