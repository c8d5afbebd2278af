import Foundation

/// A report that is a table: a title, notes (what the snapshot could not say), the readable table text and Markdown
/// show, the structured records CSV writes, and the JSON document that carries the same content with structure.
/// Renders every `AccessFormat`.
struct TabularReport {
    let title: String
    let notes: [String]
    /// The readable table of text and Markdown: one row per grant, short policy ids.
    let table: Table
    /// The records of CSV: one per role, structured columns (`AccessRecord.header`), whole ids.
    let records: Records
    let json: any JSONWritable

    /// A header and rows whose cells are built when written: a table can have millions of rows (everyone reaching
    /// an instance through account-wide policies), and holding them all as strings, twice for the text table, took
    /// gigabytes.
    struct Table {
        let header: [String]
        let count: Int
        let cells: (Int) -> [String]
    }

    /// A header and, for each of `count` rows, the records it stands for (built when written, as `Table`'s cells).
    struct Records {
        let header: [String]
        let count: Int
        let records: (Int) -> [[String]]
    }

    func data(_ format: AccessFormat, width: Int? = nil) throws -> Data {
        var data = Data()
        try write(format, width: width) { data.append($0) }
        return data
    }

    /// Writes the report to `sink`; text, CSV and Markdown a block of rows at a time. `width` fits the text table to
    /// that many columns (cells cut short with `…`; CSV and JSON keep them whole); `nil` leaves it as wide as its cells.
    func write(_ format: AccessFormat, width: Int? = nil, to sink: (Data) throws -> Void) throws {
        switch format {
        case .json:
            try JSONWriter.write(json, to: sink)
        case .csv:
            try sink(Data(CSV.record(records.header).utf8))
            try Self.inBlocks(count: records.count, to: sink) { row, bytes in
                for record in records.records(row) { CSV.append(record, to: &bytes) }
            }
        case .text:
            var layout = TextTable.Layout(table.header.map { $0.uppercased() }, count: table.count, row: table.cells)
            var notes = notes
            if let width, table.count > 0, layout.fit(width: width) {
                notes.append("long cells are cut (…) to fit \(width) column\(width == 1 ? "" : "s"); "
                             + "--format csv or json has them whole")
            }
            var text = TerminalText.clean(title) + "\n"
            text += notes.map { "note: " + TerminalText.clean($0) + "\n" }.joined()
            text += "\n" + (table.count == 0 ? "(none)\n" : "")
            try sink(Data(text.utf8))
            guard table.count > 0 else { return }
            try Self.inBlocks(count: table.count + 1, to: sink, line: layout.write)
        case .markdown:
            var text = "## " + Markdown.escape(title) + "\n\n"
            text += notes.map { "> **Note:** " + Markdown.escape($0) + "\n" }.joined()
            text += (notes.isEmpty ? "" : "\n") + (table.count == 0 ? "None.\n" : Markdown.head(table.header))
            try sink(Data(text.utf8))
            guard table.count > 0 else { return }
            try Self.inBlocks(count: table.count, to: sink) { $1.append(contentsOf: Markdown.row(table.cells($0)).utf8) }
        }
    }

    /// Lines `0..<count`, each appended as UTF-8 by `line`, handed to `sink` about a megabyte at a time.
    private static func inBlocks(count: Int, to sink: (Data) throws -> Void, line: (Int, inout [UInt8]) -> Void) throws {
        let blockSize = 1 << 20
        var block: [UInt8] = []
        block.reserveCapacity(2 * blockSize)
        for index in 0..<count {
            line(index, &block)
            if block.count >= blockSize {
                try sink(Data(block))
                block.removeAll(keepingCapacity: true)
            }
        }
        if !block.isEmpty { try sink(Data(block)) }
    }
}
