import Analysis

/// The findings report as GitHub-flavoured Markdown: a summary, a table of findings, every rule's count, and
/// optionally the policies by last use. Every untrusted string goes through `Markdown.escape`.
enum FindingsMarkdown {
    static func render(_ report: FindingsReport, policyUsage: Bool) -> String {
        var text = "# iamgraph findings: " + Markdown.escape(FindingsWording.account(report)) + "\n\n"
        text += Markdown.escape("Snapshot \(report.fetchedAt.raw), \(FindingsWording.asOf(report))") + ": **"
            + FindingsWording.counts(report) + "**.\n\n## Findings\n\n"
        text += report.findings.isEmpty ? "None.\n" : Markdown.table(
            ["Severity", "Rule", "Title", "Entities", "Why"],
            report.findings.map { finding in
                [finding.severity.rawValue, finding.rule.rawValue, finding.title,
                 finding.entities.map(FindingsWording.entity).joined(separator: "; "), finding.why]
            })
        let rules = FindingsWording.ruleTable(report)
        text += "\n## Rules\n\n" + Markdown.table(rules.header, rules.rows)
        if policyUsage {
            text += "\n## Policies by last use (never used first)\n\n"
            let usage = FindingsWording.policyUsageTable(report)
            text += usage.rows.isEmpty ? "No usage data.\n" : Markdown.table(usage.header, usage.rows)
        }
        return text
    }
}
