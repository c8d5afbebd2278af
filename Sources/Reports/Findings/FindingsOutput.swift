import Analysis
import Foundation
import Snapshot

/// Writes a findings report in one of the `FindingsFormat`s.
public enum FindingsOutput {
    /// - Parameters:
    ///   - policyUsage: whether text and Markdown also list every policy by last use (JSON always does).
    ///   - full: whether Markdown lists every finding; by default it fits one GitHub comment.
    ///   - snapshot: where the snapshot is, for SARIF's result locations.
    public static func data(_ report: FindingsReport, format: FindingsFormat, policyUsage: Bool = false,
                            full: Bool = false, snapshot: SnapshotLocation? = nil) throws -> Data {
        switch format {
        case .text: Data(FindingsText.render(report, policyUsage: policyUsage).utf8)
        case .markdown: Data(FindingsMarkdown.render(report, policyUsage: policyUsage, full: full).utf8)
        case .json: try CanonicalJSON.data(encoding: FindingsJSON.document(report))
        case .sarif: try CanonicalJSON.data(encoding: SARIFLog.document(report, snapshot: snapshot))
        }
    }
}
