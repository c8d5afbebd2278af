import Foundation

/// A report that is a table: a title, notes (what the snapshot could not say), a header and rows, and the JSON
/// document that carries the same content with structure. Renders every `AccessFormat`.
struct TabularReport {
    let title: String
    let notes: [String]
    let header: [String]
    let rows: [[String]]
    let json: any Encodable

    func data(_ format: AccessFormat) throws -> Data {
        switch format {
        case .json:
            return try ReportJSON.data(json)
        case .csv:
            return Data((CSV.record(header.map { $0.lowercased().replacingOccurrences(of: " ", with: "_") })
                         + rows.map(CSV.record).joined()).utf8)
        case .text:
            var text = TerminalText.clean(title) + "\n"
            text += notes.map { "note: " + TerminalText.clean($0) + "\n" }.joined()
            text += "\n" + (rows.isEmpty ? "(none)\n" : TextTable.render(header.map { $0.uppercased() }, rows))
            return Data(text.utf8)
        case .markdown:
            var text = "## " + Markdown.escape(title) + "\n\n"
            text += notes.map { "> **Note:** " + Markdown.escape($0) + "\n" }.joined()
            text += (notes.isEmpty ? "" : "\n") + (rows.isEmpty ? "None.\n" : Markdown.table(header, rows))
            return Data(text.utf8)
        }
    }
}
