/// A plain-text table for a terminal: columns padded to their widest cell, separated by two spaces, every cell
/// cleaned of control characters.
enum TextTable {
    static func render(_ header: [String], _ rows: [[String]]) -> String {
        // Each cell cleaned and measured once: tables of hundreds of thousands of rows are common on big accounts.
        let cells = ([header] + rows).map { $0.map { cell in TerminalText.clean(cell) }.map { (text: $0, width: $0.count) } }
        var widths = Array(repeating: 0, count: header.count)
        for row in cells {
            for (column, cell) in row.enumerated() { widths[column] = max(widths[column], cell.width) }
        }
        let spaces = String(repeating: " ", count: (widths.max() ?? 0) + 2)
        var text = ""
        for row in cells {
            // Pad a cell only when a non-empty cell follows it, so that no line ends in spaces.
            let used = (row.lastIndex { !$0.text.isEmpty } ?? 0) + 1
            for (column, cell) in row.prefix(used).enumerated() {
                text += cell.text
                if column < used - 1 { text += spaces.prefix(widths[column] - cell.width + 2) }
            }
            text += "\n"
        }
        return text
    }
}
