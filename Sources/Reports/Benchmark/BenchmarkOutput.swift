import Analysis
import Foundation

/// Writes the CIS benchmark view of a findings report (`report --benchmark cis`): every control with its status, why,
/// and the findings behind each fail. SARIF has no place for controls that pass or need a person, so it is not
/// offered here: SARIF results carry their control ids as tags instead.
package enum BenchmarkOutput {
    /// `nil` for SARIF (see the type's note).
    package static func data(_ benchmark: BenchmarkReport, of report: FindingsReport, format: FindingsFormat) throws -> Data? {
        switch format {
        case .text: Data(BenchmarkText.render(benchmark, of: report).utf8)
        case .markdown: Data(BenchmarkMarkdown.render(benchmark, of: report).utf8)
        case .json: try JSONWriter.data(BenchmarkJSON.document(benchmark, of: report))
        case .sarif: nil
        }
    }

    /// "3 pass, 5 fail, 5 manual, 6 unknown".
    static func counts(_ benchmark: BenchmarkReport) -> String {
        ControlResult.Status.allCases.map { "\(benchmark.count($0)) \($0.rawValue)" }.joined(separator: ", ")
    }
}
