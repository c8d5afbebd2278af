/// A plain-text table for a terminal: columns padded to their widest cell, separated by two spaces, every cell
/// cleaned of control characters.
enum TextTable {
    static func render(_ header: [String], _ rows: [[String]]) -> String {
        let layout = Layout(header, count: rows.count) { rows[$0] }
        var bytes: [UInt8] = []
        for line in 0...rows.count { layout.write(line, to: &bytes) }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The column widths of a table of `count` rows whose cells `row` gives, and its lines: line 0 is the header.
    /// Rows are built twice, once to measure and once to write, rather than all held at once: tables of millions
    /// of rows happen on big accounts.
    struct Layout {
        let header: [String]
        let row: (Int) -> [String]
        private(set) var widths: [Int]

        init(_ header: [String], count: Int, row: @escaping (Int) -> [String]) {
            self.header = header
            self.row = row
            widths = Array(repeating: 0, count: header.count)
            for line in 0...count {
                for (column, cell) in cells(line).enumerated() { widths[column] = max(widths[column], TerminalText.width(cell)) }
            }
        }

        /// Appends one line, ending in a newline, as UTF-8; a cell is padded only when a non-empty cell follows it, so
        /// that no line ends in spaces.
        func write(_ line: Int, to bytes: inout [UInt8]) {
            let cells = cells(line)
            let used = (cells.lastIndex { !$0.isEmpty } ?? 0) + 1
            for (column, cell) in cells.prefix(used).enumerated() {
                let width = TerminalText.append(cell, to: &bytes)
                if column < used - 1 { bytes.append(contentsOf: repeatElement(UInt8(ascii: " "), count: widths[column] - width + 2)) }
            }
            bytes.append(UInt8(ascii: "\n"))
        }

        private func cells(_ line: Int) -> [String] { line == 0 ? header : row(line - 1) }
    }
}
