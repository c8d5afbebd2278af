import Analysis
import Foundation

/// Writes a findings report in one of the `FindingsFormat`s.
package enum FindingsOutput {
    /// The whole report as `write(_:format:policyUsage:full:snapshot:to:)` writes it.
    package static func data(_ report: FindingsReport, format: FindingsFormat, policyUsage: Bool = false,
                            full: Bool = false, snapshot: SnapshotLocation? = nil) throws -> Data {
        var data = Data()
        try write(report, format: format, policyUsage: policyUsage, full: full, snapshot: snapshot) { data.append($0) }
        return data
    }

    /// Writes the report to `sink` a block at a time, its findings described as they are written; throws what `sink`
    /// throws.
    /// - Parameters:
    ///   - policyUsage: whether text and Markdown also list every policy by last use (JSON always does).
    ///   - full: whether Markdown lists every finding; by default it fits one GitHub comment.
    ///   - snapshot: where the snapshot is, for SARIF's result locations.
    ///   - scan: the snapshot's files SARIF's results point into, when their scan started during the rules.
    package static func write(_ report: FindingsReport, format: FindingsFormat, policyUsage: Bool = false,
                             full: Bool = false, snapshot: SnapshotLocation? = nil, scan: SARIFFileScan? = nil,
                             to sink: (Data) throws -> Void) throws {
        switch format {
        case .text: try TextBlocks.write(to: sink) { try FindingsText.write(report, policyUsage: policyUsage, to: &$0) }
        case .markdown:
            try TextBlocks.write(to: sink) { try FindingsMarkdown.write(report, policyUsage: policyUsage, full: full, to: &$0) }
        case .json: try JSONWriter.write(FindingsJSON.document(report), to: sink)
        case .sarif: try JSONWriter.write(SARIFLog.document(report, snapshot: snapshot, scan: scan), to: sink)
        }
    }
}
