import Analysis

/// The CIS benchmark view for a terminal: one line per control (id, status, title), why, and the failing findings.
enum BenchmarkText {
    static func render(_ benchmark: BenchmarkReport, of report: FindingsReport) -> String {
        var text = ""
        func line(_ pieces: String...) {
            for piece in pieces { text += TerminalText.clean(piece) }
            text += "\n"
        }
        line("\(CISControl.benchmark) for \(FindingsWording.account(report)), snapshot \(report.fetchedAt.raw)")
        line("\(BenchmarkOutput.counts(benchmark))")
        for result in benchmark.results {
            line("")
            line(result.control.id.padding(toLength: 5, withPad: " ", startingAt: 0), " ",
                 result.status.rawValue.uppercased().padding(toLength: 8, withPad: " ", startingAt: 0), result.control.title)
            line("      ", result.reason)
            for finding in result.findings {
                line("      - ", finding.rule.rawValue, ": ",
                     finding.entities.first.map(FindingsWording.entity) ?? "", ": ", finding.why)
            }
        }
        return text
    }
}
