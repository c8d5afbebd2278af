/// The escalation report as Markdown: a summary, then a numbered list of steps per identity.
enum EscalationMarkdown {
    static func render(_ report: EscalationReport) -> String {
        var lines = ["# Escalation paths to " + Markdown.escape(report.goalLabel), "", Markdown.escape(report.summary)]
        for path in report.paths {
            let notes = report.notes(path)
            lines += ["", "## " + Markdown.escape(report.escalation.label(.identity(iamID: path.iamID), in: report.index)), "",
                      "\(report.steps(path.primitiveCount))" + (notes.isEmpty ? "" : " (" + notes.joined(separator: ", ") + ")")
                          + ":", ""]
            for (number, edge) in path.edges.enumerated() {
                lines.append("\(number + 1). " + Markdown.escape(report.subject(edge) + " " + report.text(edge)))
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
