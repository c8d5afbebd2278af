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
    /// gigabytes. A row's cells are its parts' in order (each part one or more cells).
    struct Table {
        let header: [String]
        let count: Int
        let parts: [RowPart<[String]>]
    }

    /// A header and, for each of `count` rows, the records it stands for (built when written, as `Table`'s cells):
    /// each part gives one or more lists of fields, and a row's records are every combination of them, in order
    /// (one record per role of a grant).
    struct Records {
        let header: [String]
        let count: Int
        let parts: [RowPart<[[String]]>]
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
            var parts = records.parts.map { part in
                RowPartBytes(part) { records in
                    records.map { fields in
                        var bytes: [UInt8] = []
                        CSV.append(fields, to: &bytes)
                        return bytes.dropLast(2)  // the record's CRLF: parts join with commas
                    }
                }
            }
            var fields = Array(repeating: [ArraySlice<UInt8>](), count: parts.count)
            try Self.inBlocks(count: records.count, to: sink) { row, bytes in
                for index in parts.indices { fields[index] = parts[index].bytes(ofRow: row) }
                Self.appendRecords(fields, to: &bytes)
            }
        case .text:
            var layout = PartedTextTable(header: table.header.map { $0.uppercased() }, count: table.count, parts: table.parts)
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
            try Self.inBlocks(count: table.count + 1, to: sink) { line, bytes in layout.write(line, to: &bytes) }
        case .markdown:
            var text = "## " + Markdown.escape(title) + "\n\n"
            text += notes.map { "> **Note:** " + Markdown.escape($0) + "\n" }.joined()
            text += (notes.isEmpty ? "" : "\n") + (table.count == 0 ? "None.\n" : Markdown.head(table.header))
            try sink(Data(text.utf8))
            guard table.count > 0 else { return }
            var parts = table.parts.map { part in
                RowPartBytes(part) { cells in
                    var bytes: [UInt8] = []
                    Markdown.appendCells(cells, to: &bytes)
                    return bytes
                }
            }
            try Self.inBlocks(count: table.count, to: sink) { row, bytes in
                bytes.append(contentsOf: Self.rowStart)
                for index in parts.indices {
                    if index > 0 { bytes.append(contentsOf: Markdown.cellSeparator) }
                    bytes.append(contentsOf: parts[index].bytes(ofRow: row))
                }
                bytes.append(contentsOf: Self.rowEnd)
            }
        }
    }

    private static let rowStart = Array("| ".utf8)
    private static let recordEnd = Array("\r\n".utf8)
    private static let rowEnd = Array(" |\n".utf8)

    /// Appends the CSV records of one row: every combination of its parts' field lists (written, without CRLF), in
    /// order, each ended by CRLF; none when a part has none.
    private static func appendRecords(_ parts: [[ArraySlice<UInt8>]], to bytes: inout [UInt8]) {
        guard !parts.contains(where: \.isEmpty) else { return }
        if parts.allSatisfy({ $0.count == 1 }) {  // one record: most rows
            for index in parts.indices {
                if index > 0 { bytes.append(UInt8(ascii: ",")) }
                bytes.append(contentsOf: parts[index][0])
            }
            return bytes.append(contentsOf: Self.recordEnd)
        }
        var choice = Array(repeating: 0, count: parts.count)
        while true {
            for index in parts.indices {
                if index > 0 { bytes.append(UInt8(ascii: ",")) }
                bytes.append(contentsOf: parts[index][choice[index]])
            }
            bytes.append(contentsOf: Self.recordEnd)
            var index = parts.count - 1
            while index >= 0 {
                choice[index] += 1
                if choice[index] < parts[index].count { break }
                choice[index] = 0
                index -= 1
            }
            if index < 0 { return }
        }
    }

    /// Lines `0..<count`, each appended as UTF-8 by `line`, handed to `sink` about a megabyte at a time.
    private static func inBlocks(count: Int, to sink: (Data) throws -> Void, line: (Int, inout [UInt8]) throws -> Void) throws {
        let blockSize = 1 << 20
        var block: [UInt8] = []
        block.reserveCapacity(2 * blockSize)
        for index in 0..<count {
            try line(index, &block)
            if block.count >= blockSize {
                try sink(Data(block))
                block.removeAll(keepingCapacity: true)
            }
        }
        if !block.isEmpty { try sink(Data(block)) }
    }
}
