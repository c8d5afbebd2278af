import Foundation

/// A report that is a table: a title, notes (what the snapshot could not say), a header and rows, and the JSON
/// document that carries the same content with structure. Renders every `AccessFormat`.
struct TabularReport {
    let title: String
    let notes: [String]
    let header: [String]
    /// How many rows there are.
    let rowCount: Int
    /// The cells of one row, built when written: a table can have millions of rows (everyone reaching an instance
    /// through account-wide policies), and holding them all as strings, twice for the text table, took gigabytes.
    let cells: (Int) -> [String]
    let json: any Encodable

    func data(_ format: AccessFormat) throws -> Data {
        switch format {
        case .json:
            return try ReportJSON.data(json)
        case .csv:
            return Data((CSV.record(header.map { $0.lowercased().replacingOccurrences(of: " ", with: "_") })
                         + (0..<rowCount).map { CSV.record(cells($0)) }.joined()).utf8)
        case .text:
            var text = TerminalText.clean(title) + "\n"
            text += notes.map { "note: " + TerminalText.clean($0) + "\n" }.joined()
            // Appended in two steps: a table can be a hundred megabytes, and `"\n" + table` would copy it once more.
            text += "\n"
            text += rowCount == 0 ? "(none)\n" : TextTable.render(header.map { $0.uppercased() }, count: rowCount, row: cells)
            return Data(text.utf8)
        case .markdown:
            var text = "## " + Markdown.escape(title) + "\n\n"
            text += notes.map { "> **Note:** " + Markdown.escape($0) + "\n" }.joined()
            text += (notes.isEmpty ? "" : "\n") + (rowCount == 0 ? "None.\n" : Markdown.table(header, (0..<rowCount).map(cells)))
            return Data(text.utf8)
        }
    }
}
