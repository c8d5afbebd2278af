import Analysis

/// The findings report for a terminal: a header, each finding in three lines (severity, rule, title; entities; why),
/// every rule's count, and optionally the policies by last use. Untrusted text is cleaned of control characters.
enum FindingsText {
    static func render(_ report: FindingsReport, policyUsage: Bool) -> String {
        var lines = [
            "Findings for \(FindingsWording.account(report)), snapshot \(report.fetchedAt.raw)",
            "\(FindingsWording.asOf(report)): \(FindingsWording.counts(report))",
            "",
        ]
        for finding in report.findings {
            lines.append("\(finding.severity.rawValue.uppercased())  \(finding.rule.rawValue)  \(finding.title)")
            lines.append("    " + finding.entities.map(FindingsWording.entity).joined(separator: "; "))
            lines.append("    why: " + finding.why)
        }
        if report.findings.isEmpty { lines.append("No findings.") }
        var text = lines.map(TerminalText.clean).joined(separator: "\n") + "\n\nRules\n"
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
