/// A plain-text table for a terminal: columns padded to their widest cell, separated by two spaces, every cell
/// cleaned of control characters.
enum TextTable {
    static func render(_ header: [String], _ rows: [[String]]) -> String {
        render(header, count: rows.count) { rows[$0] }
    }

    /// The table of `count` rows whose cells `row` gives. Rows are built twice, once to measure the columns and once
    /// to write them, rather than all held at once: tables of millions of rows happen on big accounts.
    static func render(_ header: [String], count: Int, row: (Int) -> [String]) -> String {
        func cells(_ line: Int) -> [String] { (line == 0 ? header : row(line - 1)).map(TerminalText.clean) }
        var widths = Array(repeating: 0, count: header.count)
        for line in 0...count {
            for (column, cell) in cells(line).enumerated() { widths[column] = max(widths[column], cell.count) }
        }
        let spaces = String(repeating: " ", count: (widths.max() ?? 0) + 2)
        var text = ""
        for line in 0...count {
            let cells = cells(line)
            // Pad a cell only when a non-empty cell follows it, so that no line ends in spaces.
            let used = (cells.lastIndex { !$0.isEmpty } ?? 0) + 1
            for (column, cell) in cells.prefix(used).enumerated() {
                text += cell
                if column < used - 1 { text += spaces.prefix(widths[column] - cell.count + 2) }
            }
            text += "\n"
        }
        return text
    }
}
