/// A plain-text table for a terminal: columns padded to their widest cell, separated by two spaces, every cell
/// cleaned of control characters.
enum TextTable {
    static func render(_ header: [String], _ rows: [[String]]) -> String {
        let layout = Layout(header, count: rows.count) { rows[$0] }
        return (0...rows.count).map(layout.line).joined()
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
                for (column, cell) in cells(line).enumerated() { widths[column] = max(widths[column], cell.count) }
            }
        }

        /// One line, ending in a newline; a cell is padded only when a non-empty cell follows it, so that no line
        /// ends in spaces.
        func line(_ line: Int) -> String {
            let cells = cells(line)
            let used = (cells.lastIndex { !$0.isEmpty } ?? 0) + 1
            var text = ""
            for (column, cell) in cells.prefix(used).enumerated() {
                text += cell
                if column < used - 1 { text += String(repeating: " ", count: widths[column] - cell.count + 2) }
            }
            return text + "\n"
        }

        private func cells(_ line: Int) -> [String] { (line == 0 ? header : row(line - 1)).map(TerminalText.clean) }
    }
}
