import Analysis

/// The findings report as GitHub-flavoured Markdown: a summary, every rule's count, then the findings grouped per
/// rule. By default it fits one GitHub comment (`commentLimit`): the first findings of each rule, the rest counted;
/// `full` lists them all. Every untrusted string goes through `Markdown.escape`.
enum FindingsMarkdown {
    /// The most characters a GitHub issue or pull-request comment holds.
    static let commentLimit = 65_536
    /// Findings listed per rule in the default (fitted) report, before the size limit asks for fewer.
    static let defaultTop = 10
    /// The longest cell of the fitted report, in characters; longer ones are cut with "…".
    static let fittedCell = 300

    static func render(_ report: FindingsReport, policyUsage: Bool, full: Bool) -> String {
        if full { return document(report, policyUsage: policyUsage, cell: nil, footer: nil) }
        let footer = "Not every finding is listed: `iamgraph report --format markdown --full -o report.md` writes them all."
        // Fewer findings per rule until the document fits; with none listed, the summary and rule table remain.
        var text = ""
        for top in [defaultTop, 5, 2, 1, 0] {
            let fitted = report.keepingTop(top)
            text = document(fitted, policyUsage: policyUsage && top == defaultTop, cell: fittedCell,
                            footer: fitted.unlisted.isEmpty ? nil : footer)
            if text.utf8.count <= commentLimit { return text }
        }
        return String(text.prefix(commentLimit - 100)) + "\n\n(cut to fit one comment)\n"
    }

    private static func document(_ report: FindingsReport, policyUsage: Bool, cell: Int?, footer: String?) -> String {
        func fit(_ text: String) -> String {
            guard let cell, text.count > cell else { return text }
            return String(text.prefix(cell - 1)) + "…"
        }
        var text = "# iamgraph findings: " + Markdown.escape(FindingsWording.account(report)) + "\n\n"
        text += Markdown.escape("Snapshot \(report.fetchedAt.raw), \(FindingsWording.asOf(report))") + ": **"
            + FindingsWording.counts(report) + "**.\n\n## Rules\n\n"
        let rules = FindingsWording.ruleTable(report)
        text += Markdown.table(rules.header, rules.rows)
        text += "\n## Findings\n"
        let groups = FindingsWording.groups(report)
        if groups.isEmpty { text += "\nNone listed.\n" }
        for group in groups {
            text += "\n### " + Markdown.escape(group.rule.severity.rawValue + " " + FindingsWording.groupHeading(group.rule, in: report)) + "\n\n"
            text += Markdown.table(["Entities", "Why"], group.findings.map { finding in
                [fit(finding.entities.map(FindingsWording.entity).joined(separator: "; ")), fit(finding.why)]
            })
            if let more = report.unlisted[group.rule] { text += "\n… and \(more) more.\n" }
        }
        let unlistedRules = report.unlisted.keys.filter { rule in !groups.contains { $0.rule == rule } }
        if !unlistedRules.isEmpty {
            text += "\n" + Markdown.escape("Not listed: " + RuleID.allCases.filter(unlistedRules.contains)
                .map { "\($0.rawValue) (\(report.unlisted[$0] ?? 0))" }.joined(separator: ", ")) + ".\n"
        }
        if let footer { text += "\n" + footer + "\n" }
        if policyUsage {
            text += "\n## Policies by last use (never used first)\n\n"
            let usage = FindingsWording.policyUsageTable(report)
            text += usage.rows.isEmpty ? "No usage data.\n" : Markdown.table(usage.header, usage.rows)
        }
        return text
    }
}
