import Foundation
import Snapshot

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

    /// Writes the report to `sink`; text, CSV and Markdown a block of rows at a time.
    func write(_ format: AccessFormat, to sink: (Data) throws -> Void) throws {
        switch format {
        case .json:
            try sink(CanonicalJSON.data(encoding: json))
        case .csv:
            try sink(Data(CSV.record(header.map { $0.lowercased().replacingOccurrences(of: " ", with: "_") }).utf8))
            try Self.inBlocks(count: rowCount, to: sink) { CSV.append(cells($0), to: &$1) }
        case .text:
            var text = TerminalText.clean(title) + "\n"
            text += notes.map { "note: " + TerminalText.clean($0) + "\n" }.joined()
            text += "\n" + (rowCount == 0 ? "(none)\n" : "")
            try sink(Data(text.utf8))
            guard rowCount > 0 else { return }
            let table = TextTable.Layout(header.map { $0.uppercased() }, count: rowCount, row: cells)
            try Self.inBlocks(count: rowCount + 1, to: sink, line: table.write)
        case .markdown:
            var text = "## " + Markdown.escape(title) + "\n\n"
            text += notes.map { "> **Note:** " + Markdown.escape($0) + "\n" }.joined()
            text += (notes.isEmpty ? "" : "\n") + (rowCount == 0 ? "None.\n" : Markdown.head(header))
            try sink(Data(text.utf8))
            guard rowCount > 0 else { return }
            try Self.inBlocks(count: rowCount, to: sink) { $1.append(contentsOf: Markdown.row(cells($0)).utf8) }
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
