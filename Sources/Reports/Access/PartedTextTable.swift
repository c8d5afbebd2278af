/// The text table of a `TabularReport`, whose rows are made of `RowPart`s: each shared value's cells are cleaned and
/// measured once, and, once the columns are fitted, written once with their padding, so that writing a row is
/// copying its parts' bytes. An account-wide `access --action` writes tens of millions of rows; building, measuring
/// and padding every row's strings took microseconds a row. The lines are `TextTable.Columns.appendLine`'s.
///
/// Every value of a part has as many cells as the part has columns (the reports' parts are fixed lists of fields).
struct PartedTextTable {
    let count: Int
    let parts: [RowPart<[String]>]
    private(set) var columns: TextTable.Columns
    /// Each part's first column.
    private let starts: [Int]
    /// The bytes of every shared value written so far (`Written` holds ranges of it: no reference counting per row),
    /// then, while a row is written, its own parts'.
    private var arena: [UInt8] = []
    /// Per part, its shared values written.
    private var written: [SharedValues<Written>]
    /// The current row's parts (kept to spare an allocation per row).
    private var row: [Written]

    /// A part's cells as a line shows them: ranges of `arena`.
    private struct Written {
        /// Every cell cleaned, cut to its column and padded to it and the two spaces before the next column: the
        /// part when a later part has a non-empty cell.
        let continued: Range<Int>
        /// The cells up to the last non-empty one, which is not padded: the part when no later part has one.
        let last: Range<Int>
        /// Whether any cell is non-empty.
        var hasContent: Bool { !last.isEmpty }

        static let none = Written(continued: 0..<0, last: 0..<0)
    }

    /// Measures the table: every row, each shared value's cells once.
    init(header: [String], count: Int, parts: [RowPart<[String]>]) {
        self.count = count
        self.parts = parts
        let widths = count > 0 ? parts.map { $0.content(ofRow: 0).count } : []
        starts = widths.indices.map { widths[..<$0].reduce(0, +) }
        var natural = header.map(TerminalText.width)
        var measured = parts.map { _ in SharedValues<Bool>() }
        for line in 0..<count {
            for index in parts.indices {
                let cells: [String]
                if let value = parts[index].value?(line) {
                    guard measured[index].made(value) == nil else { continue }
                    measured[index].keep(value, true)
                    cells = parts[index].content(value)
                } else {
                    cells = parts[index].content(line)
                }
                for (offset, cell) in cells.enumerated() {
                    natural[starts[index] + offset] = max(natural[starts[index] + offset], TerminalText.width(cell))
                }
            }
        }
        columns = TextTable.Columns(header: header, natural: natural)
        written = parts.map { _ in SharedValues<Written>() }
        row = Array(repeating: .none, count: parts.count)
    }

    /// See `TextTable.Columns.fit(width:)`; before the first row is written.
    mutating func fit(width: Int) -> Bool { columns.fit(width: width) }

    /// Appends line `line` (0: the header, then the rows) and its newline.
    mutating func write(_ line: Int, to bytes: inout [UInt8]) {
        guard line > 0 else { return columns.appendLine(columns.header, to: &bytes) }
        var last = -1
        for index in parts.indices {
            if let value = parts[index].value?(line - 1) {
                if let known = written[index].made(value) {
                    row[index] = known
                } else {
                    // Before the row's own parts, which are written after it and let go with the row.
                    row[index] = Self.write(parts[index].content(value), at: starts[index], columns: columns, to: &arena)
                    written[index].keep(value, row[index])
                }
            }
            if row[index].hasContent { last = index }
        }
        let own = arena.count
        for index in parts.indices where parts[index].value == nil {
            row[index] = Self.write(parts[index].content(line - 1), at: starts[index], columns: columns, to: &arena)
            if row[index].hasContent { last = max(last, index) }
        }
        arena.withUnsafeBufferPointer { arena in
            for index in 0..<max(last, 0) { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: arena[row[index].continued])) }
            if last >= 0 { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: arena[row[last].last])) }
        }
        bytes.append(UInt8(ascii: "\n"))
        arena.removeLast(arena.count - own)
    }

    /// Writes `cells`, from column `start` on, to the end of `arena`, both ways.
    private static func write(_ cells: [String], at start: Int, columns: TextTable.Columns, to arena: inout [UInt8]) -> Written {
        let used = (cells.lastIndex { !$0.isEmpty } ?? -1) + 1
        let lastStart = arena.count
        for (offset, cell) in cells.prefix(used).enumerated() {
            columns.append(cell, column: start + offset, padded: offset < used - 1, to: &arena)
        }
        let continuedStart = arena.count
        for (offset, cell) in cells.enumerated() {
            columns.append(cell, column: start + offset, padded: true, to: &arena)
        }
        return Written(continued: continuedStart..<arena.count, last: lastStart..<continuedStart)
    }
}
