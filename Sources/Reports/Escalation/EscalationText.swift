/// The escalation report for a terminal: a summary line, then each path, one numbered step per line.
enum EscalationTextReport {
    static func render(_ report: EscalationReport) -> String {
        var lines = [TerminalText.clean(report.summary)]
        for path in report.paths {
            lines.append("")
            let notes = report.notes(path)
            lines.append(TerminalText.clean(report.escalation.label(.identity(iamID: path.iamID), in: report.index)
                + ": \(report.steps(path.primitiveCount))" + (notes.isEmpty ? "" : " (" + notes.joined(separator: ", ") + ")")))
            for (number, edge) in path.edges.enumerated() {
                lines.append(TerminalText.clean("  \(number + 1). \(report.subject(edge)) \(report.text(edge))"))
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
