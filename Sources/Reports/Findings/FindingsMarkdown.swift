import Analysis
import Foundation

/// The findings report as GitHub-flavoured Markdown: a summary, every rule's count, then the findings grouped per
/// rule. By default it fits one GitHub comment (`commentLimit`): the first findings of each rule, the rest counted;
/// `full` lists them all, written a block at a time. Every untrusted string goes through `Markdown.escape`.
enum FindingsMarkdown {
    /// The most characters a GitHub issue or pull-request comment holds.
    static let commentLimit = 65_536
    /// Findings listed per rule in the default (fitted) report, before the size limit asks for fewer.
    static let defaultTop = 10
    /// The longest cell of the fitted report, in characters; longer ones are cut with "…".
    static let fittedCell = 300

    static func write(_ report: FindingsReport, policyUsage: Bool, full: Bool, to text: inout TextBlocks) throws {
        if full { return try document(report, policyUsage: policyUsage, cell: nil, footer: nil, to: &text) }
        let footer = "Not every finding is listed: `iamgraph report --format markdown --full -o report.md` writes them all."
        // Fewer findings per rule until the document fits; with none listed, the summary and rule table remain.
        var fitted = ""
        for top in [defaultTop, 5, 2, 1, 0] {
            let report = report.keepingTop(top)
            let more = report.suppressed.count > top || (report.resolved?.count ?? 0) > top
            var bytes = Data()
            try TextBlocks.write(to: { bytes.append($0) }) { candidate in
                try document(report, policyUsage: policyUsage && top == defaultTop, cell: fittedCell,
                             footer: report.unlisted.isEmpty && !more ? nil : footer, limit: top, to: &candidate)
            }
            fitted = String(decoding: bytes, as: UTF8.self)
            if bytes.count <= commentLimit { return try text.append(fitted) }
        }
        try text.append(String(fitted.prefix(commentLimit - 100)) + "\n\n(cut to fit one comment)\n")
    }

    /// A section listing `findings` (at most `limit`, the rest counted), or nothing when there are none; the rows
    /// are made a run at a time on two threads.
    private static func listing(_ title: String, _ findings: [Finding], limit: Int?, header: [String],
                                to text: inout TextBlocks, row: @escaping @Sendable (Finding) -> [String]) throws {
        guard !findings.isEmpty else { return }
        let shown = min(limit ?? findings.count, findings.count)
        try text.append("\n## \(title) (\(findings.count))\n\n" + Markdown.head(header))
        try text.append(items: 0..<shown) { index, bytes in Markdown.appendRow(row(findings[index]), to: &bytes) }
        if shown < findings.count { try text.append("\n… and \(findings.count - shown) more.\n") }
    }

    /// Appends a finding's row of its rule's table (`Markdown.appendRow` of its entities, led by its baseline marker,
    /// and its why, each cut to `cell`), the entities cell made in `scratch` as bytes.
    private static func appendRow(_ finding: Finding, in report: FindingsReport, cell: Int?, scratch: inout [UInt8],
                                  to bytes: inout [UInt8]) {
        scratch.removeAll(keepingCapacity: true)
        scratch.append(contentsOf: FindingsWording.baselineMarker(finding, in: report).utf8)
        FindingsWording.appendEntities(of: finding, to: &scratch)
        bytes.append(contentsOf: "| ".utf8)
        if let cell {
            Markdown.append(fit(String(decoding: scratch, as: UTF8.self), cell: cell), to: &bytes)
        } else {
            scratch.withUnsafeBufferPointer { Markdown.append(utf8: $0, to: &bytes) }
        }
        bytes.append(contentsOf: Markdown.cellSeparator)
        Markdown.append(fit(FindingsWording.why(finding, in: report), cell: cell), to: &bytes)
        bytes.append(contentsOf: " |\n".utf8)
    }

    /// `text`, cut to `cell` characters with "…" when longer (`nil`: never cut).
    private static func fit(_ text: String, cell: Int?) -> String {
        guard let cell, text.count > cell else { return text }
        return String(text.prefix(cell - 1)) + "…"
    }

    /// `limit`: the most suppressed and resolved findings listed (`nil`: all).
    private static func document(_ report: FindingsReport, policyUsage: Bool, cell: Int?, footer: String?,
                                 limit: Int? = nil, to text: inout TextBlocks) throws {
        try text.append("# iamgraph findings: " + Markdown.escape(FindingsWording.account(report)) + "\n\n")
        try text.append(Markdown.escape("Snapshot \(report.fetchedAt.raw), \(FindingsWording.asOf(report))") + ": **"
            + FindingsWording.counts(report) + "**" + Markdown.escape(FindingsWording.review(report)) + ".\n\n## Rules\n\n")
        let rules = FindingsWording.ruleTable(report)
        try text.append(Markdown.table(rules.header, rules.rows))
        try text.append("\n## Findings\n")
        let groups = FindingsWording.groups(report)
        if groups.isEmpty { try text.append("\nNone listed.\n") }
        let findings = report.findings
        for group in groups {
            try text.append("\n### " + Markdown.escape(group.rule.severity.rawValue + " " + FindingsWording.groupHeading(group, in: report))
                + "\n\n" + Markdown.head(["Entities", "Why"]))
            let runs = FindingsRuns.ranges(group.findings)
            try text.append(runs: runs.count) { run in
                // One buffer per run for the entities cells, which are made as bytes (no string per finding).
                var bytes: [UInt8] = [], cellBytes: [UInt8] = []
                for index in runs[run] { appendRow(findings[index], in: report, cell: cell, scratch: &cellBytes, to: &bytes) }
                return bytes
            }
            if let more = report.unlisted[group.rule] { try text.append("\n… and \(more) more.\n") }
        }
        let unlistedRules = report.unlisted.keys.filter { rule in !groups.contains { $0.rule == rule } }
        if !unlistedRules.isEmpty {
            try text.append("\n" + Markdown.escape("Not listed: " + RuleID.allCases.filter(unlistedRules.contains)
                .map { "\($0.rawValue) (\(report.unlisted[$0] ?? 0))" }.joined(separator: ", ")) + ".\n")
        }
        try listing("Suppressed", report.suppressed, limit: limit, header: ["Rule", "Entities", "Accepted"], to: &text) { finding in
            [finding.rule.rawValue, fit(FindingsWording.baselineMarker(finding, in: report) + FindingsWording.entities(finding), cell: cell),
             fit(FindingsWording.suppression(finding, in: report), cell: cell)]
        }
        try listing("Resolved since the baseline", report.resolved ?? [], limit: limit, header: ["Rule", "Entities"], to: &text) { finding in
            [finding.rule.rawValue, fit(FindingsWording.entities(finding), cell: cell)]
        }
        if let footer { try text.append("\n" + footer + "\n") }
        if policyUsage {
            try text.append("\n## Policies by last use (never used first)\n\n")
            let count = report.policiesByLastUse.count
            guard count > 0 else { return try text.append("No usage data.\n") }
            try text.append(Markdown.head(FindingsWording.policyUsageHeader))
            let runs = FindingsRuns.ranges(count: count)
            try text.append(runs: runs.count) { run in
                // Each run describes its policies through a `policiesByLastUse` of its own.
                let uses = report.policiesByLastUse
                var bytes: [UInt8] = []
                for index in runs[run] { Markdown.appendRow(FindingsWording.policyUsageRow(uses[index]), to: &bytes) }
                return bytes
            }
        }
    }
}
