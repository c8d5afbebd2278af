import Analysis

/// The findings report for a terminal: a header, the findings grouped per rule (each in two lines: entities, why),
/// every rule's count, and optionally the policies by last use. Untrusted text is cleaned of control characters.
enum FindingsText {
    static func render(_ report: FindingsReport, policyUsage: Bool) -> String {
        var text = ""
        /// Appends one line, cleaned. (Cleaning maps each scalar alone, so a line may be cleaned in pieces.)
        func line(_ pieces: String...) {
            for piece in pieces { text += TerminalText.clean(piece) }
            text += "\n"
        }
        line("Findings for \(FindingsWording.account(report)), snapshot \(report.fetchedAt.raw)")
        line("\(FindingsWording.asOf(report)): \(FindingsWording.counts(report))")
        for group in FindingsWording.groups(report) {
            line("")
            line(group.rule.severity.rawValue.uppercased(), "  ", FindingsWording.groupHeading(group.rule, in: report))
            for finding in group.findings {
                line("  - ", finding.entities.map(FindingsWording.entity).joined(separator: "; "))
                line("    why: ", finding.why)
            }
            if let more = report.unlisted[group.rule] { line("  … and \(more) more (--top)") }
        }
        if report.findings.isEmpty { line(""); line("No findings.") }
        text += "\nRules\n"
        let rules = FindingsWording.ruleTable(report)
        text += TextTable.render(rules.header.map { $0.uppercased() }, rules.rows)
        if policyUsage {
            text += "\nPolicies by last use (never used first)\n"
            let usage = FindingsWording.policyUsageTable(report)
            text += usage.rows.isEmpty ? "(no usage data)\n" : TextTable.render(usage.header.map { $0.uppercased() }, usage.rows)
        }
        return text
    }
}
