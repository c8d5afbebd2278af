import Analysis

/// The findings report for a terminal: a header, the findings grouped per rule (each in two lines: entities, why),
/// every rule's count, and optionally the policies by last use. Untrusted text is cleaned of control characters.
/// Written a block at a time, each finding's lines made as they are written, a run of findings at a time on two threads.
enum FindingsText {
    static func write(_ report: FindingsReport, policyUsage: Bool, to text: inout TextBlocks) throws {
        func line(_ pieces: String...) throws {
            try text.append { append(pieces, to: &$0) }
        }
        try line("Findings for \(FindingsWording.account(report)), snapshot \(report.fetchedAt.raw)")
        try line("\(FindingsWording.asOf(report)): \(FindingsWording.counts(report))\(FindingsWording.review(report))")
        let findings = report.findings
        for group in FindingsWording.groups(report) {
            try line("")
            try line(group.rule.severity.rawValue.uppercased(), "  ", FindingsWording.groupHeading(group, in: report))
            try text.append(items: group.findings) { index, bytes in
                // A finding's two lines are appended a piece at a time: an array of pieces per line would be made
                // and freed for each of a big account's million findings.
                let finding = findings[index]
                bytes.append(contentsOf: "  - ".utf8)
                appendCleaned(FindingsWording.baselineMarker(finding, in: report), to: &bytes)
                appendEntities(of: finding, to: &bytes)
                bytes.append(contentsOf: "    why: ".utf8)
                appendCleaned(FindingsWording.why(finding, in: report), to: &bytes)
                bytes.append(UInt8(ascii: "\n"))
            }
            if let more = report.unlisted[group.rule] { try line("  … and \(more) more (--top)") }
        }
        if findings.isEmpty { try line(""); try line("No findings.") }
        let suppressed = report.suppressed
        if !suppressed.isEmpty {
            try line("")
            try line("Suppressed (\(suppressed.count), not counted above)")
            try text.append(items: suppressed.indices) { index, bytes in
                let finding = suppressed[index]
                append(["  - ", FindingsWording.baselineMarker(finding, in: report), finding.rule.rawValue, ": ",
                        FindingsWording.entities(finding)], to: &bytes)
                append(["    ", FindingsWording.suppression(finding, in: report)], to: &bytes)
            }
        }
        if let resolved = report.resolved, !resolved.isEmpty {
            try line("")
            try line("Resolved since the baseline (\(resolved.count))")
            try text.append(items: resolved.indices) { index, bytes in
                append(["  - ", resolved[index].rule.rawValue, ": ", FindingsWording.entities(resolved[index])], to: &bytes)
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

    /// Appends one line of `pieces`, cleaned. (Cleaning maps each scalar alone, so a line may be cleaned in pieces.)
    private static func append(_ pieces: [String], to bytes: inout [UInt8]) {
        for piece in pieces { appendCleaned(piece, to: &bytes) }
        bytes.append(UInt8(ascii: "\n"))
    }

    /// Appends `piece`, cleaned.
    private static func appendCleaned(_ piece: String, to bytes: inout [UInt8]) {
        bytes.append(contentsOf: TerminalText.clean(piece).utf8)
    }

    /// Appends the finding's entities (`FindingsWording.entities`) and ends the line, cleaned a piece at a time: the
    /// entities are not joined into a string first.
    private static func appendEntities(of finding: Finding, to bytes: inout [UInt8]) {
        for (position, entity) in finding.entities.enumerated() {
            if position > 0 { bytes.append(contentsOf: "; ".utf8) }
            FindingsWording.entity(entity) { appendCleaned($0, to: &bytes) }
        }
        bytes.append(UInt8(ascii: "\n"))
    }
}
