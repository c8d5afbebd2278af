import Analysis

/// The CIS benchmark view as Markdown: a table of every control, then the findings behind each fail.
enum BenchmarkMarkdown {
    static func render(_ benchmark: BenchmarkReport, of report: FindingsReport) -> String {
        var text = "# " + Markdown.escape("\(CISControl.benchmark): \(FindingsWording.account(report))") + "\n\n"
        text += Markdown.escape("Snapshot \(report.fetchedAt.raw): \(BenchmarkOutput.counts(benchmark))") + ".\n\n"
        text += Markdown.table(["Control", "Status", "Title", "Why"], benchmark.results.map {
            [$0.control.id, $0.status.rawValue, $0.control.title, $0.reason]
        })
        for result in benchmark.results where !result.findings.isEmpty {
            text += "\n## " + Markdown.escape("\(result.control.id) \(result.control.title)") + "\n\n"
            text += Markdown.table(["Rule", "Entity", "Why"], result.findings.map {
                [$0.rule.rawValue, $0.entities.first.map(FindingsWording.entity) ?? "", $0.why]
            })
        }
        return text
    }
}
