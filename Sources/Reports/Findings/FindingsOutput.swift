import Analysis
import Foundation

/// Writes a findings report in one of the `FindingsFormat`s.
public enum FindingsOutput {
    /// The whole report as `write(_:format:policyUsage:full:snapshot:to:)` writes it.
    public static func data(_ report: FindingsReport, format: FindingsFormat, policyUsage: Bool = false,
                            full: Bool = false, snapshot: SnapshotLocation? = nil) throws -> Data {
        var data = Data()
        try write(report, format: format, policyUsage: policyUsage, full: full, snapshot: snapshot) { data.append($0) }
        return data
    }

    /// Writes the report to `sink`, JSON and SARIF a block at a time as their findings are described; throws what
    /// `sink` throws.
    /// - Parameters:
    ///   - policyUsage: whether text and Markdown also list every policy by last use (JSON always does).
    ///   - full: whether Markdown lists every finding; by default it fits one GitHub comment.
    ///   - snapshot: where the snapshot is, for SARIF's result locations.
    public static func write(_ report: FindingsReport, format: FindingsFormat, policyUsage: Bool = false,
                             full: Bool = false, snapshot: SnapshotLocation? = nil,
                             to sink: (Data) throws -> Void) throws {
        switch format {
        case .text: try sink(Data(FindingsText.render(report, policyUsage: policyUsage).utf8))
        case .markdown: try sink(Data(FindingsMarkdown.render(report, policyUsage: policyUsage, full: full).utf8))
        case .json: try JSONWriter.write(FindingsJSON.document(report), to: sink)
        case .sarif: try JSONWriter.write(SARIFLog.document(report, snapshot: snapshot), to: sink)
        }
    }
}
