import Analysis

/// One line per rule for a report's overview: how many findings, or why the rule did not run (fully).
struct RuleSummary {
    let rule: RuleID
    let findings: Int
    /// Why the rule was skipped; `nil` when it ran.
    let skipped: String?
    /// What the rule ran without; `nil` when it had all it reads.
    let incomplete: String?

    /// Findings of the rule the report does not list (`--top`).
    let unlisted: Int

    /// Every rule the report selected, in catalogue order.
    static func all(_ report: FindingsReport) -> [RuleSummary] {
        // Counted a group of consecutive findings of one rule at a time (`FindingsWording.groups`), not a finding at a
        // time: a copy and a hashed lookup per finding cost a big account's report 0.1 s before any finding is written.
        var counts: [RuleID: Int] = [:]
        for group in FindingsWording.groups(report) { counts[group.rule, default: 0] += group.findings.count }
        return RuleID.allCases.filter { report.selectedRules?.contains($0) ?? true }.map { rule in
            let gaps = report.gaps.filter { $0.rule == rule }
            return RuleSummary(rule: rule, findings: (counts[rule] ?? 0) + (report.unlisted[rule] ?? 0),
                               skipped: gaps.first { !$0.evaluated }?.reason, incomplete: gaps.first { $0.evaluated }?.reason,
                               unlisted: report.unlisted[rule] ?? 0)
        }
    }

    /// "3", "not evaluated: unknown: api_keys", "2 (incomplete: unknown: users)", "40 (30 not listed)".
    var text: String {
        if let skipped { return "not evaluated: \(skipped)" }
        var notes: [String] = []
        if unlisted > 0 { notes.append("\(unlisted) not listed") }
        if let incomplete { notes.append("incomplete: \(incomplete)") }
        return "\(findings)" + (notes.isEmpty ? "" : " (" + notes.joined(separator: "; ") + ")")
    }
}
