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
        var data = Data()
        try write(format) { data.append($0) }
        return data
    }

    /// Writes the report to `sink`; text and CSV a block of rows at a time.
    func write(_ format: AccessFormat, to sink: (Data) throws -> Void) throws {
        switch format {
        case .json:
            try sink(ReportJSON.data(json))
        case .csv:
            try sink(Data(CSV.record(header.map { $0.lowercased().replacingOccurrences(of: " ", with: "_") }).utf8))
            try Self.inBlocks(count: rowCount, to: sink) { CSV.record(cells($0)) }
        case .text:
            var text = TerminalText.clean(title) + "\n"
            text += notes.map { "note: " + TerminalText.clean($0) + "\n" }.joined()
            text += "\n" + (rowCount == 0 ? "(none)\n" : "")
            try sink(Data(text.utf8))
            guard rowCount > 0 else { return }
            let table = TextTable.Layout(header.map { $0.uppercased() }, count: rowCount, row: cells)
            try Self.inBlocks(count: rowCount + 1, to: sink, line: table.line)
        case .markdown:
            var text = "## " + Markdown.escape(title) + "\n\n"
            text += notes.map { "> **Note:** " + Markdown.escape($0) + "\n" }.joined()
            text += (notes.isEmpty ? "" : "\n") + (rowCount == 0 ? "None.\n" : Markdown.table(header, (0..<rowCount).map(cells)))
            try sink(Data(text.utf8))
        }
    }

    /// Lines `0..<count`, handed to `sink` about a megabyte at a time.
    private static func inBlocks(count: Int, to sink: (Data) throws -> Void, line: (Int) -> String) throws {
        var block = ""
        for index in 0..<count {
            block += line(index)
            if block.utf8.count >= 1 << 20 {
                try sink(Data(block.utf8))
                block = ""
            }
        }
        if !block.isEmpty { try sink(Data(block.utf8)) }
    }
}
