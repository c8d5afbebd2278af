import Analysis

/// The findings report for a terminal: a header, the findings grouped per rule (each in two lines: entities, why),
/// every rule's count, and optionally the policies by last use. Untrusted text is cleaned of control characters.
/// Written a block at a time, each finding's lines made as they are written.
enum FindingsText {
    static func write(_ report: FindingsReport, policyUsage: Bool, to text: inout TextBlocks) throws {
        /// Appends one line, cleaned. (Cleaning maps each scalar alone, so a line may be cleaned in pieces.)
        func line(_ pieces: String...) throws {
            for piece in pieces { try text.append(TerminalText.clean(piece)) }
            try text.append("\n")
        }
        try line("Findings for \(FindingsWording.account(report)), snapshot \(report.fetchedAt.raw)")
        try line("\(FindingsWording.asOf(report)): \(FindingsWording.counts(report))\(FindingsWording.review(report))")
        for group in FindingsWording.groups(report) {
            try line("")
            try line(group.rule.severity.rawValue.uppercased(), "  ", FindingsWording.groupHeading(group, in: report))
            for finding in report.findings[group.findings] {
                try line("  - ", FindingsWording.baselineMarker(finding, in: report), FindingsWording.entities(finding))
                try line("    why: ", FindingsWording.why(finding, in: report))
            }
            if let more = report.unlisted[group.rule] { try line("  … and \(more) more (--top)") }
        }
        if report.findings.isEmpty { try line(""); try line("No findings.") }
        if !report.suppressed.isEmpty {
            try line("")
            try line("Suppressed (\(report.suppressed.count), not counted above)")
            for finding in report.suppressed {
                try line("  - ", FindingsWording.baselineMarker(finding, in: report), finding.rule.rawValue, ": ",
                         FindingsWording.entities(finding))
                try line("    ", FindingsWording.suppression(finding, in: report))
            }
        }
        if let resolved = report.resolved, !resolved.isEmpty {
            try line("")
            try line("Resolved since the baseline (\(resolved.count))")
            for finding in resolved {
                try line("  - ", finding.rule.rawValue, ": ", FindingsWording.entities(finding))
            }
        }
        try text.append("\nRules\n")
        let rules = FindingsWording.ruleTable(report)
        try text.append(TextTable.render(rules.header.map { $0.uppercased() }, rules.rows))
        if policyUsage {
            try text.append("\nPolicies by last use (never used first)\n")
            let usage = FindingsWording.policyUsageTable(report)
            guard usage.count > 0 else { return try text.append("(no usage data)\n") }
            let layout = TextTable.Layout(usage.header.map { $0.uppercased() }, count: usage.count, row: usage.row)
            for index in 0...usage.count { try text.append { layout.write(index, to: &$0) } }
        }
    }
}
