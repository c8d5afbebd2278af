/// A plain-text table for a terminal: columns padded to their widest cell, separated by two spaces, every cell
/// cleaned of control characters; optionally fitted to a width by cutting the widest columns' cells short (`…`).
enum TextTable {
    static func render(_ header: [String], _ rows: [[String]]) -> String {
        let layout = Layout(header, count: rows.count) { rows[$0] }
        var bytes: [UInt8] = []
        for line in 0...rows.count { layout.write(line, to: &bytes) }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The column widths of a table: each column's widest cell, and the widths it is written at once fitted.
    struct Columns {
        /// How narrow `fit` makes a column at most: its header's width, or this many characters if the header is shorter.
        static let narrowestColumn = 6

        let header: [String]
        private(set) var widths: [Int]
        /// Each column's widest cell; a column narrower than this has its longer cells cut.
        let natural: [Int]

        /// - Parameter natural: each column's widest cell, the header's included.
        init(header: [String], natural: [Int]) {
            self.header = header
            self.natural = natural
            widths = natural
        }

        /// Narrows the widest columns until a line fits in `width` characters, never a column below its header's
        /// width (or `narrowestColumn`); returns whether any cell will be cut.
        mutating func fit(width: Int) -> Bool {
            let available = width - 2 * (natural.count - 1)
            guard natural.reduce(0, +) > available else { return false }
            let floors = zip(header, natural).map { min($1, max(TerminalText.width($0), Self.narrowestColumn)) }
            func widths(cap: Int) -> [Int] { zip(natural, floors).map { max($1, min($0, cap)) } }
            // The largest cap under which the columns fit; the columns it leaves below their width share what is left.
            var low = 0, high = natural.max() ?? 0
            while low < high {
                let cap = (low + high + 1) / 2
                if widths(cap: cap).reduce(0, +) <= available { low = cap } else { high = cap - 1 }
            }
            var fitted = widths(cap: low)
            var spare = available - fitted.reduce(0, +)
            for column in fitted.indices where spare > 0 && fitted[column] < natural[column] {
                fitted[column] += 1
                spare -= 1
            }
            self.widths = fitted
            return zip(fitted, natural).contains { $0 < $1 }
        }

        /// Appends `cell` of `column`, cleaned, cut short with `…` when the column is narrower than it, and padded
        /// to the column's width and the two spaces before the next column when `padded`.
        func append(_ cell: String, column: Int, padded: Bool, to bytes: inout [UInt8]) {
            let width = widths[column] < natural[column] && TerminalText.width(cell) > widths[column]
                ? TerminalText.append(Self.cut(TerminalText.clean(cell), to: widths[column]), to: &bytes)
                : TerminalText.append(cell, to: &bytes)
            if padded { bytes.append(contentsOf: repeatElement(UInt8(ascii: " "), count: widths[column] - width + 2)) }
        }

        /// Appends one line of `cells`, ending in a newline, as UTF-8; a cell is padded only when a non-empty cell
        /// follows it, so that no line ends in spaces.
        func appendLine(_ cells: [String], to bytes: inout [UInt8]) {
            let used = (cells.lastIndex { !$0.isEmpty } ?? 0) + 1
            for (column, cell) in cells.prefix(used).enumerated() {
                append(cell, column: column, padded: column < used - 1, to: &bytes)
            }
            bytes.append(UInt8(ascii: "\n"))
        }

        /// The first `width - 1` characters of `text` and `…`.
        private static func cut(_ text: String, to width: Int) -> String {
            String(text.prefix(max(width - 1, 0))) + "…"
        }
    }

    /// The column widths of a table of `count` rows whose cells `row` gives, and its lines: line 0 is the header.
    /// Rows are built twice, once to measure and once to write, rather than all held at once: tables of millions
    /// of rows happen on big accounts.
    struct Layout {
        let row: (Int) -> [String]
        private(set) var columns: Columns

        init(_ header: [String], count: Int, row: @escaping (Int) -> [String]) {
            self.row = row
            var widths = Array(repeating: 0, count: header.count)
            for line in 0...count {
                let cells = line == 0 ? header : row(line - 1)
                for (column, cell) in cells.enumerated() { widths[column] = max(widths[column], TerminalText.width(cell)) }
            }
            columns = Columns(header: header, natural: widths)
        }

        /// See `Columns.fit(width:)`.
        mutating func fit(width: Int) -> Bool { columns.fit(width: width) }

        /// Appends one line, ending in a newline, as UTF-8 (see `Columns.appendLine`).
        func write(_ line: Int, to bytes: inout [UInt8]) {
            columns.appendLine(line == 0 ? columns.header : row(line - 1), to: &bytes)
        }
    }
}
